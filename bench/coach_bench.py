"""Coach benchmark: start-up, single-message latency and batch throughput.

Targets (from the issue, on a 2-core machine): start-up (import and model load) under 1 s,
single-utterance analysis p95 under 5 ms, batch throughput over 1,000 utterances per second,
and no deep-learning framework imported. The messages are every annotated utterance of
CaSiNo's valid split, with its previous utterance as context, plus the coach's development
set. Each figure is printed with its target and the headroom (target / measured).
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
CASINO = Path(os.environ.get("ACCORD_CASINO_DIR", ROOT.parent / "shared" / "data" / "casino"))
DEVSET = ROOT / "evaluation" / "coach_devset.jsonl"

STARTUP = """
import sys, time
start = time.perf_counter()
from accord.coach import analyse
from accord.coach.strategy import StrategyModel
StrategyModel.load()
analyse("hello")
print(time.perf_counter() - start)
print(any(m in sys.modules for m in ("torch", "tensorflow", "jax")))
"""


def messages() -> list[tuple[str, tuple[str, ...]]]:
    out: list[tuple[str, tuple[str, ...]]] = []
    valid = CASINO / "casino_valid.json"
    if valid.exists():
        for dialogue in json.loads(valid.read_text()):
            previous: list[str] = []
            for text, _ in dialogue.get("annotations") or []:
                out.append((text, tuple(previous[-1:])))
                previous.append(text)
    if DEVSET.exists():
        for line in DEVSET.read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                out.append((row["text"], tuple(row.get("context") or ())))
    return out


def startup(runs: int) -> tuple[float, bool]:
    times, heavy = [], False
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True
        )
        seconds, imported = done.stdout.split()
        times.append(float(seconds))
        heavy = heavy or imported == "True"
    return min(times), heavy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the language coach.")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes for start-up")
    args = parser.parse_args(argv)
    from accord.coach import analyse, analyse_batch
    from accord.coach.strategy import clear_cache

    items = messages()
    if not items:
        print("No messages to measure: CaSiNo and the development set are both missing.")
        return 1
    analyse(items[0][0], items[0][1])  # warm: the model is loaded once per process
    clear_cache()  # every figure below starts with no remembered features
    single = []
    for text, context in items:
        start = time.perf_counter()
        analyse(text, context)
        single.append(time.perf_counter() - start)
    single.sort()
    p50 = statistics.median(single)
    p95 = single[int(0.95 * (len(single) - 1))]
    batch_times = []
    for _ in range(3):
        clear_cache()
        start = time.perf_counter()
        analyse_batch([(t, c) for t, c in items])
        batch_times.append(time.perf_counter() - start)
    throughput = len(items) / min(batch_times)
    boot, heavy = startup(args.runs)

    rows = [
        ("start-up: import + model load (best of fresh processes)", boot, 1.0, "s", boot < 1.0),
        ("single message p50", p50 * 1e3, None, "ms", True),
        ("single message p95", p95 * 1e3, 5.0, "ms", p95 < 0.005),
        ("batch throughput", throughput, 1000.0, "messages/s", throughput > 1000),
    ]
    table = Table(title=f"Coach benchmark ({len(items)} messages)")
    for column in ("measure", "measured", "target", "headroom", "result"):
        table.add_column(column)
    for name, value, target, unit, ok in rows:
        if target is None:
            table.add_row(name, f"{value:.3g} {unit}", "-", "-", "info")
            continue
        headroom = value / target if unit == "messages/s" else target / value
        table.add_row(
            name,
            f"{value:.3g} {unit}",
            f"{target:g} {unit}",
            f"{headroom:.1f}×",
            "[green]met[/]" if ok else "[red]missed[/]",
        )
    table.add_row(
        "deep-learning framework imported",
        str(heavy),
        "False",
        "-",
        "[green]met[/]" if not heavy else "[red]missed[/]",
    )
    Console().print(table)
    missed = [r[0] for r in rows if not r[4]] + (["framework"] if heavy else [])
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
