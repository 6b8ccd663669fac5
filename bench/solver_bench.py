"""Solver benchmark: Accord's exact frontier against enumerating every package.

Run by ``make bench``; ``--help`` lists the options. Each measurement runs in a fresh process
(so its peak RSS is its own) and the cases run one after another (no parallel load on the
machine). The targets (from the issue, on a 2-core machine):

- 2 parties, 10 topics x 5 options: at least 1000 times faster than enumerating every package
  (the baseline is measured in the same run: bench/enumeration.py), with the same frontier and
  Nash point;
- 2 parties, 100 topics x 5 options: the whole ``solve`` (frontier and every solution) under
  100 ms; 500 topics under 10 s; memory under 1 GiB;
- 3 parties, 12 topics x 4 options: exact Nash under 5 s (result.exact), checked against an
  enumeration of all 4^12 packages.

Exit status 1 when a target is missed or an answer differs from the enumeration, else 0.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import multiprocessing
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import traceback
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from accord.domain.scenario import Scenario
from accord.solver.frontier import Frontier, pareto_frontier
from accord.solver.solve import solve
from accord.solver.space import build_space
from enumeration import check_frontier_3, enumerate_all, enumerate_plain
from scenarios import DESCRIPTION, Spec, draw, package_indices, scenario

GiB = 2**30
HERE = Path(__file__).resolve().parent
DEFAULT_NEGMAS_VENV = Path("/tmp/accord-negmas-venv")

Totals = tuple[int, ...]


# --- measurements, each run in a child process -------------------------------------------


def _maxrss() -> int:
    """Peak resident set size of this process, in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _timed(fn: Callable[[], Any], repeats: int) -> tuple[list[float], Any]:
    times, out = [], None
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return times, out


def _traced_peak(fn: Callable[[], Any]) -> int:
    """Peak bytes allocated while ``fn`` runs, numpy buffers included (they report to it)."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _totals(utility: Any, parties: Sequence[str], total_weight: Totals) -> Totals:
    """Exact integer totals from utilities (utility = total / sum of weights)."""
    out = []
    for p, party in enumerate(parties):
        value = utility[party] * total_weight[p]
        assert value.denominator == 1, "utilities of integer inputs are totals / weight sum"
        out.append(int(value))
    return tuple(out)


def frontier_only(sc: Scenario) -> Frontier:
    """The dynamic programme alone: integer tables, then the exact frontier."""
    return pareto_frontier(build_space(sc))


def measure_accord(
    spec: Spec, repeats: int, *, warmup: bool, frontier: bool, trace: bool
) -> dict[str, Any]:
    """Time ``solve`` (and, if asked, the frontier alone); return timings and answers.

    Only the public result is read for answers (and ``pareto_frontier(build_space(...))``
    for the frontier-only timing), so the benchmark survives changes inside the solver.
    """
    data = draw(spec)
    sc = scenario(spec, data)
    weight = data.total_weight()
    if warmup:
        solve(sc)
    times, result = _timed(lambda: solve(sc), repeats)
    nash = result.solutions["nash"]

    def solve_and_read() -> None:
        list(solve(sc).frontier)  # the listing may be built lazily, on first read

    out: dict[str, Any] = {
        "times": times,
        "read_times": _timed(solve_and_read, repeats)[0],
        "frontier_points": result.frontier_points,
        "listed": len(result.frontier),
        "truncated": result.frontier_truncated,
        "exact": result.exact,
        "frontier": sorted({_totals(s.utility, sc.parties, weight) for s in result.frontier}),
        "nash_totals": _totals(nash.utility, sc.parties, weight),
        "nash_package": package_indices(nash.package, spec),
    }
    if frontier:
        frontier_times, engine = _timed(lambda: frontier_only(sc), max(repeats, 3))
        out["frontier_times"] = frontier_times
        out["engine_frontier"] = sorted(
            {
                _totals(dict(zip(sc.parties, utility, strict=True)), sc.parties, weight)
                for utility in (
                    [engine.space.utility(p, int(x)) for p, x in enumerate(row)]
                    for row in engine.points
                )
            }
        )
    out["rss"] = _maxrss()
    out["traced"] = _traced_peak(lambda: solve(sc)) if trace else None
    return out


def measure_enumeration(
    spec: Spec, repeats: int, claimed: list[Totals] | None = None
) -> dict[str, Any]:
    """Time the brute-force baseline; certify a claimed 3-party frontier if one is given."""
    data = draw(spec)
    tables, weight = data.tables(), data.total_weight()
    times, found = _timed(lambda: enumerate_all(tables, weight), repeats)
    out: dict[str, Any] = {
        "times": times,
        "packages": found.packages,
        "frontier": None
        if found.frontier is None
        else sorted(tuple(int(x) for x in row) for row in found.frontier),
        "nash_totals": found.nash_totals,
        "nash_package": found.nash_package,
        "rss": _maxrss(),
        "traced": _traced_peak(lambda: enumerate_all(tables, weight)),
    }
    if claimed is not None:
        start = time.perf_counter()
        cover = check_frontier_3(tables, np.array(claimed, dtype=np.int64).reshape(-1, 3))
        out["cover"] = {
            "ok": cover.ok,
            "mutually_nondominated": cover.mutually_nondominated,
            "all_reached": cover.all_reached,
            "all_covered": cover.all_covered,
            "seconds": time.perf_counter() - start,
        }
    return out


def measure_plain(spec: Spec) -> dict[str, Any]:
    """Time the plain-Python enumeration (one run: it takes seconds)."""
    data = draw(spec)
    tables, weight = data.tables(), data.total_weight()
    times, found = _timed(lambda: enumerate_plain(tables, weight), 1)
    return {
        "times": times,
        "frontier": sorted(tuple(int(x) for x in row) for row in found.frontier),
        "nash_totals": found.nash_totals,
        "nash_package": found.nash_package,
    }


def _child(conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...], kw: Any) -> None:
    try:
        conn.send((True, fn(*args, **kw)))
    except BaseException:  # the child's entry point: report, never hang the parent
        conn.send((False, traceback.format_exc()))
    finally:
        conn.close()


def in_child(fn: Callable[..., Any], *args: Any, timeout: float, **kw: Any) -> Any:
    """Run ``fn`` in a fresh process; kill it past ``timeout`` seconds (TimeoutError)."""
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(send, fn, args, kw))
    process.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise TimeoutError(f"{fn.__name__} took more than {timeout:.0f} s")
        ok, value = receive.recv()
    finally:
        if process.is_alive():
            process.kill()
        process.join()
    if not ok:
        raise RuntimeError(f"{fn.__name__} failed in its process:\n{value}")
    return value


# --- NegMAS comparator (its own venv and process; never imported) ------------------------


def negmas_python(venv: Path, console: Console) -> Path | None:
    """The NegMAS venv's interpreter, creating the venv with pip if it does not exist yet."""
    python = venv / "bin" / "python"
    if not python.exists():
        console.print(f"Installing negmas into a throwaway venv at {venv} (pip) ...")
        try:
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            subprocess.run(
                [str(python), "-m", "pip", "install", "--quiet", "negmas"],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except (OSError, subprocess.CalledProcessError) as error:
            console.print(f"[yellow]NegMAS skipped: installing it failed ({error}).[/]")
            return None
    return python


def run_negmas(python: Path, spec: Spec, timeout: float) -> dict[str, Any]:
    data = draw(spec)
    payload = json.dumps({"weights": data.weights.tolist(), "values": data.values.tolist()})
    done = subprocess.run(
        [str(python), str(HERE / "negmas_compare.py")],
        input=payload,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    out: dict[str, Any] = json.loads(done.stdout)
    return out


# --- the report ------------------------------------------------------------------------


@dataclass
class Row:
    case: str
    spec: Spec
    times: list[float] | None = None
    frontier: str = "-"
    memory: str = "-"
    target: str = "-"
    ratio: str = "-"
    verdict: str = "info"  # "met", "missed", "ok", "failed", "info"
    notes: list[str] = field(default_factory=list)


def _seconds(t: float) -> str:
    if t < 1e-3:
        return f"{t * 1e6:.0f} µs"
    if t < 1:
        return f"{t * 1e3:.1f} ms"
    return f"{t:.2f} s"


def _time_cell(times: list[float] | None) -> str:
    """Best of the runs, then the median and the number of runs."""
    if not times:
        return "-"
    if len(times) == 1:
        return f"{_seconds(times[0])} (1 run)"
    return f"{_seconds(min(times))} (median {_seconds(statistics.median(times))}, n={len(times)})"


def _memory_cell(rss: int | None, traced: int | None) -> str:
    """Peak tracemalloc bytes (numpy included) / peak RSS of the whole process, in MiB."""
    left = (
        "-"
        if traced is None
        else f"{traced / 2**20:.2g}"
        if traced < 2**20
        else f"{traced / 2**20:.1f}"
    )
    right = f"{rss / 2**20:.0f}" if rss is not None else "-"
    return f"{left} / {right} MiB"


def _ratio(r: float) -> str:
    return f"{r:,.0f}×" if r >= 10 else f"{r:.2g}×"


def _packages(spec: Spec) -> str:
    exponent = spec.topics * math.log10(spec.options)  # 5^500 overflows a float
    mantissa = 10 ** (exponent - math.floor(exponent))
    return f"{spec.options}^{spec.topics} ≈ {mantissa:.1f}e{math.floor(exponent)}"


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _verdict(ok: bool) -> str:
    return "met" if ok else "missed"


@dataclass(frozen=True)
class Options:
    quick: bool
    seed: int
    repeat: int
    timeout: float
    negmas: bool
    negmas_venv: Path


@dataclass
class Checks:
    """Equal-answer checks between Accord and the enumeration, as lines for the report."""

    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def add(self, ok: bool, text: str) -> None:
        self.ok = self.ok and ok
        self.lines.append(("✓ " if ok else "✗ ") + text)


def bench_vs_enumeration(
    opts: Options,
    spec: Spec,
    *,
    ratio_target: float | None,
    enumeration_runs: int = 3,
    plain_baseline: bool = False,
) -> list[Row]:
    """Accord and the enumeration on one size: the same answers, and the speed ratio.

    The ratio target is judged on the whole ``solve`` (it returns the frontier and the Nash
    point the enumeration computes, and more); the frontier alone (``build_space`` then
    ``pareto_frontier``) is shown beside it as the most a faster rules layer could reach.
    """
    label = f"{spec.topics}×{spec.options}"
    accord = in_child(
        measure_accord,
        spec,
        opts.repeat,
        warmup=True,
        frontier=True,
        trace=True,
        timeout=opts.timeout,
    )
    claimed = accord["frontier"] if spec.parties == 3 else None
    brute = in_child(measure_enumeration, spec, enumeration_runs, claimed, timeout=opts.timeout)
    checks = _compare(accord, brute, spec)
    plain = None
    if spec.parties == 2 and plain_baseline:
        plain = in_child(measure_plain, spec, timeout=opts.timeout)
        checks.add(
            [tuple(p) for p in plain["frontier"]] == [tuple(p) for p in accord["frontier"]]
            and tuple(plain["nash_package"]) == tuple(accord["nash_package"]),
            "the plain-Python enumeration gives the same frontier and Nash package",
        )
    # The target's baseline is enumerating every package one at a time, as enumerating
    # libraries do; the vectorised enumeration is shown beside it as the strongest baseline.
    base = min(plain["times"]) if plain else min(brute["times"])
    size = str(accord["frontier_points"])
    whole = Row(
        f"{label} Accord solve()",
        spec,
        accord["times"],
        size,
        _memory_cell(accord["rss"], accord["traced"]),
        ratio=_ratio(base / min(accord["times"])),
    )
    if ratio_target is not None:
        whole.target = f"≥ {ratio_target:,.0f}× enumeration"
        whole.verdict = _verdict(base / min(accord["times"]) >= ratio_target and checks.ok)
    elif spec.parties == 3 and not opts.quick:
        whole.target = "< 5 s, exact, Nash = enumeration"
        whole.verdict = _verdict(min(accord["times"]) < 5 and accord["exact"] and checks.ok)
    alone = Row(
        f"{label} Accord frontier only",
        spec,
        accord["frontier_times"],
        str(len(accord["engine_frontier"])),
        ratio=_ratio(base / min(accord["frontier_times"])),
    )
    if brute["frontier"] is not None:
        brute_size = str(len(brute["frontier"]))
    else:
        brute_size = "certified" if brute["cover"]["ok"] else "differs"
    answers = Row(
        f"{label} enumeration (numpy, vectorised)",
        spec,
        brute["times"],
        brute_size,
        _memory_cell(brute["rss"], brute["traced"]),
        "same frontier and Nash",
        _ratio(base / min(brute["times"])),
        "ok" if checks.ok else "failed",
        checks.lines,
    )
    rows = [whole, alone, answers]
    if plain:
        whole.notes.append(
            f"vectorised numpy enumeration: solve() is "
            f"{_ratio(min(brute['times']) / min(accord['times']))} faster than it"
        )
        rows.append(
            Row(
                f"{label} enumeration (plain Python, one package at a time)",
                spec,
                plain["times"],
                str(len(plain["frontier"])),
                target="same frontier and Nash",
                ratio="1×",
                verdict="ok" if checks.ok else "failed",
            )
        )
    return rows


def _compare(accord: dict[str, Any], brute: dict[str, Any], spec: Spec) -> Checks:
    checks = Checks()
    packages = f"{spec.options}^{spec.topics} packages"
    listed = [tuple(p) for p in accord["frontier"]]
    checks.add(not accord["truncated"], "Accord listed its whole frontier (not truncated)")
    if brute["frontier"] is not None:
        checks.add(
            listed == [tuple(p) for p in brute["frontier"]],
            f"same frontier: {len(listed)} utility vectors from solve(), "
            f"{len(brute['frontier'])} from enumerating all {packages}",
        )
    if "cover" in brute:
        cover = brute["cover"]
        checks.add(
            cover["ok"],
            f"solve()'s {len(listed)} frontier vectors certified against all {packages}: "
            f"mutually non-dominated {cover['mutually_nondominated']}, each reached by a "
            f"package {cover['all_reached']}, every package weakly dominated by one "
            f"{cover['all_covered']} ({_seconds(cover['seconds'])})",
        )
    checks.add(
        [tuple(p) for p in accord["engine_frontier"]] == listed,
        "pareto_frontier alone gives the same vectors",
    )
    checks.add(
        tuple(accord["nash_totals"]) == tuple(brute["nash_totals"]),
        f"same Nash point: totals {tuple(accord['nash_totals'])} (utility x sum of weights)",
    )
    checks.add(
        tuple(accord["nash_package"]) == tuple(brute["nash_package"]),
        "same Nash package (ties: larger sum, then first in file order)",
    )
    if spec.parties >= 3:
        checks.add(bool(accord["exact"]), f"result.exact is {accord['exact']}")
    return checks


def bench_scale(opts: Options, spec: Spec, *, target: float | None, repeats: int) -> list[Row]:
    """The whole solve on a large random scenario: time and peak memory."""
    accord = in_child(
        measure_accord,
        spec,
        repeats,
        warmup=repeats > 1,
        frontier=False,
        # tracemalloc slows this solve about 11x (it allocates many small tuples): for the
        # largest size the peak RSS of the process stands alone, an upper bound anyway.
        trace=spec.topics < 300,
        timeout=opts.timeout,
    )
    rss, traced = accord["rss"], accord["traced"]
    row = Row(
        f"{spec.topics}×{spec.options} Accord solve()",
        spec,
        accord["times"],
        str(accord["frontier_points"]),
        _memory_cell(rss, traced),
    )
    if target is not None:
        row.target = f"< {_seconds(target)}, < 1 GiB"
        peak = max(rss, traced or 0)
        row.verdict = _verdict(min(accord["times"]) < target and peak < GiB)
    read = Row(
        f"{spec.topics}×{spec.options} solve() + read .frontier",
        spec,
        accord["read_times"],
        f"{accord['listed']} listed",
    )
    return [row, read]


def bench_negmas(opts: Options, spec: Spec, console: Console) -> list[Row]:
    """NegMAS on the same scenario, in its own venv and process; checked like the others."""
    python = negmas_python(opts.negmas_venv, console)
    if python is None:
        return []
    console.print(
        f"Running NegMAS on {spec.topics}×{spec.options}: it evaluates every outcome in "
        "Python, which takes minutes and a few GB ..."
    )
    try:
        out = run_negmas(python, spec, opts.timeout)
    except (subprocess.SubprocessError, OSError, ValueError) as error:
        console.print(f"[yellow]NegMAS skipped: {error}[/]")
        return []
    brute = in_child(measure_enumeration, spec, 3, timeout=opts.timeout)
    seconds = out["frontier_seconds"] + out["nash_seconds"]
    frontier = sorted({tuple(int(u) for u in point) for point in out["frontier"]})
    same = brute["frontier"] is not None and frontier == [tuple(p) for p in brute["frontier"]]
    nash_ok = list(brute["nash_totals"]) in [[int(u) for u in p] for p in out["nash"]]
    return [
        Row(
            f"{spec.topics}×{spec.options} NegMAS {out['version']} (comparator)",
            spec,
            [seconds],
            str(len(frontier)),
            _memory_cell(out["maxrss_kib"] * 1024, None),
            "same frontier and Nash",
            _ratio(min(brute["times"]) / seconds),
            "ok" if same and nash_ok else "failed",
            [
                ("✓ " if same else "✗ ") + "NegMAS's frontier equals the enumeration's",
                ("✓ " if nash_ok else "✗ ") + "the enumeration's Nash point is among NegMAS's",
            ],
        )
    ]


def render(rows: list[Row], console: Console) -> None:
    table = Table(title="Accord solver benchmark")
    columns = {
        "case": "left",
        "parties": "right",
        "topics × options": "left",
        "packages": "left",
        "frontier": "right",
        "time: best (median, runs)": "right",
        "peak memory: traced / RSS": "right",
        "target": "left",
        "vs enumeration": "right",
        "result": "left",
    }
    for name, justify in columns.items():
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    colour = {"met": "green", "ok": "green", "missed": "red", "failed": "red", "info": "dim"}
    for row in rows:
        s = row.spec
        table.add_row(
            row.case,
            str(s.parties),
            f"{s.topics} × {s.options}",
            _packages(s),
            row.frontier,
            _time_cell(row.times),
            row.memory,
            row.target,
            row.ratio,
            f"[{colour[row.verdict]}]{row.verdict}[/]",
        )
    console.print(table)
    console.print(
        "vs enumeration: the baseline's best time divided by this row's best time (above 1, "
        "faster than enumerating); the baseline is the plain-Python enumeration where it was "
        "measured, else the vectorised numpy one. Memory: tracemalloc peak of one extra run "
        "(numpy buffers included) / peak RSS of the whole measuring process, interpreter "
        "and imports included."
    )
    for row in rows:
        if row.notes:
            console.print(f"[bold]{row.case}[/]")
            for line in row.notes:
                console.print(f"  {line}")


def parse(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(
        description="Benchmark Accord's solver against enumerating every package. "
        "Exit status 1 when a target is missed or an answer differs.",
    )
    parser.add_argument(
        "--quick", action="store_true", help="small sizes only: a smoke check (no targets)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the random scenarios")
    parser.add_argument(
        "--repeat", type=int, default=7, help="runs of each small case (best and median)"
    )
    parser.add_argument(
        "--timeout", type=float, default=600, help="seconds allowed for one measurement"
    )
    parser.add_argument(
        "--negmas",
        action="store_true",
        help="also time NegMAS on the 10x5 case, in its own venv and process (installs it "
        "with pip if missing; takes minutes and about 4 GB of memory)",
    )
    parser.add_argument(
        "--negmas-venv",
        type=Path,
        default=DEFAULT_NEGMAS_VENV,
        help=f"the venv holding negmas (default {DEFAULT_NEGMAS_VENV})",
    )
    args = parser.parse_args(argv)
    return Options(
        quick=args.quick,
        seed=args.seed,
        repeat=max(1, args.repeat),
        timeout=args.timeout,
        negmas=args.negmas,
        negmas_venv=args.negmas_venv,
    )


def plan(opts: Options) -> list[tuple[Spec, Callable[[], list[Row]]]]:
    """The cases to run, in order, each with the size it is about."""
    seed = opts.seed
    if opts.quick:
        small2, mid, small3 = Spec(2, 6, 5, seed), Spec(2, 20, 5, seed), Spec(3, 6, 4, seed)
        return [
            (
                small2,
                lambda: bench_vs_enumeration(opts, small2, ratio_target=None, plain_baseline=True),
            ),
            (mid, lambda: bench_scale(opts, mid, target=None, repeats=opts.repeat)),
            (small3, lambda: bench_vs_enumeration(opts, small3, ratio_target=None)),
        ]
    ten, twelve, three = Spec(2, 10, 5, seed), Spec(2, 12, 5, seed), Spec(3, 12, 4, seed)
    hundred, five_hundred = Spec(2, 100, 5, seed), Spec(2, 500, 5, seed)
    return [
        (ten, lambda: bench_vs_enumeration(opts, ten, ratio_target=1000, plain_baseline=True)),
        # Not a target: where the ratio stands two topics (25 times the packages) later.
        (twelve, lambda: bench_vs_enumeration(opts, twelve, ratio_target=None, enumeration_runs=1)),
        (hundred, lambda: bench_scale(opts, hundred, target=0.1, repeats=opts.repeat)),
        (five_hundred, lambda: bench_scale(opts, five_hundred, target=10.0, repeats=1)),
        (three, lambda: bench_vs_enumeration(opts, three, ratio_target=None)),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    opts = parse(argv)
    console = Console(width=None if sys.stdout.isatty() else 200)
    console.print(
        f"Python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} CPUs "
        f"({platform.machine()}); each measurement in a fresh process, one at a time; "
        "times by time.perf_counter."
    )
    console.print(f"Scenarios: {DESCRIPTION}; seed {opts.seed}.")
    console.print(f"Load average before: {_load()} (other work on the machine slows every time).")
    started = time.perf_counter()
    rows: list[Row] = []
    for spec, run in plan(opts):
        try:
            rows += run()
        except (TimeoutError, RuntimeError) as error:
            failed = Row(f"{spec.topics}×{spec.options} ({spec.parties} parties)", spec)
            failed.verdict, failed.notes = "failed", [str(error)]
            rows.append(failed)
    if opts.negmas:
        negmas = bench_negmas(opts, Spec(2, 10, 5, opts.seed), console)
        accord = [r for r in rows if r.case == "10×5 Accord solve()" and r.times]
        if negmas and accord and negmas[0].times and accord[0].times:
            ratio = min(negmas[0].times) / min(accord[0].times)
            negmas[0].notes.append(f"Accord's solve() is {ratio:,.0f}× faster than NegMAS here")
        rows += negmas
    render(rows, console)
    if not opts.negmas:
        console.print("NegMAS comparator: not run (add --negmas; see bench/README.md).")
    console.print(f"Total {time.perf_counter() - started:.0f} s; load average after: {_load()}.")
    missed = [r.case for r in rows if r.verdict in {"missed", "failed"}]
    if missed:
        console.print(f"[red]Missed or failed: {'; '.join(missed)}.[/]")
        return 1
    console.print("[green]Every target met and every answer equal.[/]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
