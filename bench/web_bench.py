"""Many couples walking the whole journey at once, against the real server.

    .venv/bin/python bench/web_bench.py [--couples 50] [--database sqlite|postgresql|both]

Each simulated person has their own HTTP client (cookies, CSRF token), signs up through the
page, and then, with their partner, goes from a new relationship to a recorded agreement and a
check-in through the JSON API, loading the negotiation page at every step as a person watching
it would. The server is `accord serve` with two workers, on a fresh SQLite file or a fresh
PostgreSQL database.

It prints requests per second, p50/p99 latency of page loads and of API calls, the errors, and
the ratio of page-load p99 under load to a single person's page-load p50 measured in the same
run (the baseline). Afterwards it checks that no write was lost: every couple's negotiation
reached its agreement with all four options, two restatements, one agreement and one check-in.
Target on a 2-core machine: 100 concurrent people, page-load p99 under 250 ms, zero errors.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
LOG = open(os.path.join(tempfile.gettempdir(), "accord-web-bench-server.log"), "ab")  # noqa: SIM115
POSTGRES = os.environ.get("ACCORD_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    requests: int = 0

    def add(self, kind: str, seconds: float) -> None:
        self.latencies[kind].append(seconds)
        self.requests += 1


RAMP = 20.0  # seconds over which the couples arrive (set by --ramp)
THINK = 1.0  # mean seconds a person takes between two actions (set by --think)


class Person:
    def __init__(self, base: str, stats: Stats, name: str) -> None:
        self.client = httpx.AsyncClient(base_url=base, timeout=60.0, follow_redirects=True)
        self.stats = stats
        self.name = name
        self.csrf = ""
        self.id = ""

    async def think(self) -> None:
        if THINK > 0:
            await asyncio.sleep(random.uniform(0.5 * THINK, 1.5 * THINK))

    async def page(self, path: str) -> str:
        await self.think()
        start = time.perf_counter()
        try:
            response = await self.client.get(path)
        except httpx.HTTPError as error:
            self.stats.errors.append(f"GET {path}: {type(error).__name__}")
            raise RuntimeError(path) from error
        self.stats.add("page", time.perf_counter() - start)
        if response.status_code != 200:
            self.stats.errors.append(f"GET {path}: {response.status_code}")
        return response.text

    async def api(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        await self.think()
        start = time.perf_counter()
        try:
            response = await self.client.request(
                method, "/api/v1" + path, json=body, headers={"x-csrf-token": self.csrf}
            )
        except httpx.HTTPError as error:
            self.stats.errors.append(f"{method} {path}: {type(error).__name__}")
            raise RuntimeError(path) from error
        self.stats.add("api", time.perf_counter() - start)
        if response.status_code >= 400:
            self.stats.errors.append(
                f"{method} {path}: {response.status_code} {response.text[:200]}"
            )
            raise RuntimeError(f"{method} {path}: {response.status_code}")
        return response.json() if response.content else None

    async def sign_up(self) -> None:
        email = f"{self.name.lower()}-{uuid.uuid4().hex[:12]}@example.org"
        start = time.perf_counter()
        try:
            response = await self.client.post(
                "/signup",
                data={"name": self.name, "email": email, "password": "a long enough password"},
            )
        except httpx.HTTPError as error:
            self.stats.errors.append(f"sign-up: {type(error).__name__}")
            raise RuntimeError("sign-up") from error
        self.stats.add("sign-up", time.perf_counter() - start)
        if response.status_code != 200:
            self.stats.errors.append(f"sign-up: {response.status_code}")
            raise RuntimeError("sign-up failed")
        marker = 'name="csrf" value="'
        at = response.text.index(marker) + len(marker)
        self.csrf = response.text[at : response.text.index('"', at)]
        self.id = (await self.api("GET", "/me"))["id"]

    async def close(self) -> None:
        await self.client.aclose()


async def both(*calls: Any) -> list[Any]:
    return list(await asyncio.gather(*calls))


async def journey(base: str, stats: Stats, n: int, delay: float = 0.0) -> str | None:
    """One couple, from sign-up to a check-in on their agreement. Returns the negotiation id."""
    await asyncio.sleep(delay)
    sam, alex = Person(base, stats, f"Sam{n}"), Person(base, stats, f"Alex{n}")
    try:
        await both(sam.sign_up(), alex.sign_up())
        rel = (await sam.api("POST", "/relationships", {"name": f"Home {n}", "kind": "couple"}))[
            "id"
        ]
        invitation = await sam.api("POST", f"/relationships/{rel}/invitations")
        await alex.api("POST", f"/invitations/{invitation['secret']}/accept")
        await both(sam.page(f"/relationships/{rel}"), alex.page(f"/relationships/{rel}"))
        opened = await alex.api(
            "POST", f"/relationships/{rel}/topics", {"title": "Evenings after work"}
        )
        topic = opened["topic"]["id"]
        await both(
            *(p.api("POST", f"/topics/{topic}/layer", {"layer": "zone"}) for p in (sam, alex))
        )
        started = await sam.api(
            "POST", f"/relationships/{rel}/negotiations", {"topic_ids": [topic]}
        )
        neg = started["id"]

        async def watch() -> None:
            await both(sam.page(f"/negotiations/{neg}"), alex.page(f"/negotiations/{neg}"))

        async def finish_all() -> None:
            for person in (sam, alex):
                await person.api("POST", f"/negotiations/{neg}/finish")

        async def check_in_all() -> None:
            await both(
                *(
                    p.api("POST", f"/negotiations/{neg}/check-ins", {"feeling": "calm"})
                    for p in (sam, alex)
                )
            )

        wants = {sam: ("A quiet house", "quiet"), alex: ("The TV on", "unwind")}
        await both(
            *(
                p.api("POST", f"/negotiations/{neg}/positions", {"topic_id": topic, "text": w})
                for p, (w, _) in wants.items()
            )
        )
        await finish_all()
        await watch()
        await both(
            *(
                p.api(
                    "POST",
                    f"/negotiations/{neg}/needs",
                    {"topic_id": topic, "need": need, "weight": 3},
                )
                for p, (_, need) in wants.items()
            )
        )
        await finish_all()
        await check_in_all()
        await both(
            sam.api(
                "POST",
                f"/negotiations/{neg}/restatements",
                {"about_id": alex.id, "text": "It sounds like you need to unwind."},
            ),
            alex.api(
                "POST",
                f"/negotiations/{neg}/restatements",
                {"about_id": sam.id, "text": "It sounds like you need quiet."},
            ),
        )
        view = await sam.api("GET", f"/negotiations/{neg}")
        for r in view["restatements"]:
            answerer = sam if r["about"] == sam.id else alex
            await answerer.api("POST", f"/restatements/{r['id']}/answer", {"thats_right": True})
        await watch()
        await check_in_all()
        options = ["TV with headphones", "Quiet house", "TV on loud", "TV in the other room"]
        await both(
            *(
                p.api("POST", f"/negotiations/{neg}/options", {"topic_id": topic, "text": t})
                for p, t in zip((sam, alex, sam, alex), options, strict=True)
            )
        )
        await finish_all()
        scores = {sam: [3, 4, 0, 3], alex: [3, 0, 4, 3]}
        for person in (sam, alex):
            mine = await person.api("GET", f"/negotiations/{neg}")
            ids = {o["text"]: o["id"] for o in mine["options"]}
            need = next(i["id"] for i in mine["mine"] if i["kind"] == "interest")
            ratings = {ids[t]: {need: s} for t, s in zip(options, scores[person], strict=True)}
            await person.api("POST", f"/negotiations/{neg}/ratings", {"ratings": ratings})
        await finish_all()
        await watch()
        await check_in_all()
        await finish_all()
        packages = await sam.api("GET", f"/negotiations/{neg}")
        best = next(o["id"] for o in packages["offers"] if "recommended" in o["labels"])
        await both(
            *(
                p.api("POST", f"/negotiations/{neg}/acceptances", {"offer_ids": [best]})
                for p in (sam, alex)
            )
        )
        await finish_all()
        await watch()
        review = (date.today() + timedelta(days=14)).isoformat()
        agreement = await sam.api(
            "POST",
            f"/negotiations/{neg}/agreement",
            {
                "terms": [{"person_id": alex.id, "what": "Headphones after 9 pm"}],
                "how_we_know": "Sam reads in peace",
                "review_on": review,
            },
        )
        await alex.api("POST", f"/agreements/{agreement['id']}/check-ins", {"outcome": "kept"})
        await both(sam.page(f"/relationships/{rel}/agreements"), alex.page(f"/relationships/{rel}"))
        return neg
    except RuntimeError:
        return None
    finally:
        await sam.close()
        await alex.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = dict(os.environ, ACCORD_DATABASE_URL=url)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "accord.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/", timeout=2):
                return process, base
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def verify(url: str, negotiations: list[str]) -> list[str]:
    """Every couple's writes are all there: read back through a member's eyes."""
    problems = []
    from accord.services import agreements
    from accord.services import negotiation as neg_service
    from accord.storage import Database, SqlUnitOfWork

    database = Database.connect(url)
    uow = SqlUnitOfWork(database)
    with uow.begin(write=False) as repo:
        rows = [repo.get_negotiation(n) for n in negotiations]
    for row in rows:
        assert row is not None
        member = row.created_by
        view = neg_service.view(uow, actor_id=member, negotiation_id=row.id)
        found = agreements.agreements(uow, actor_id=member, relationship_id=row.relationship_id)
        if view.step.value != "agreed":
            problems.append(f"{row.id}: at {view.step.value}, not agreed")
        if len(view.options) != 4 or len(view.restatements) != 2:
            problems.append(
                f"{row.id}: {len(view.options)} options, {len(view.restatements)} restatements"
            )
        if len(found) != 1 or len(found[0].check_ins) != 1:
            problems.append(f"{row.id}: agreements/check-ins lost")
    database.dispose()
    return problems


async def run(url: str, couples: int, workers: int) -> dict[str, Any]:
    process, base = start_server(url, workers)
    try:
        await journey(base, Stats(), 0)  # warm up every worker: imports, model loads, caches
        baseline = Stats()
        await journey(base, baseline, -1)  # one couple alone: the baseline
        stats = Stats()
        start = time.perf_counter()
        results = await asyncio.gather(
            *(journey(base, stats, n, RAMP * n / couples) for n in range(1, couples + 1))
        )
        elapsed = time.perf_counter() - start
        done = [r for r in results if r]
        lost = verify(url, done)
    finally:
        process.terminate()
        process.wait(timeout=30)
    pages, api = stats.latencies["page"], stats.latencies["api"]
    alone = statistics.median(baseline.latencies["page"])
    return {
        "people": couples * 2,
        "completed": len(done),
        "requests": stats.requests,
        "rps": stats.requests / elapsed,
        "page_p50": percentile(pages, 50),
        "page_p99": percentile(pages, 99),
        "api_p50": percentile(api, 50),
        "api_p99": percentile(api, 99),
        "signup_p99": percentile(stats.latencies["sign-up"], 99),
        "alone_page_p50": alone,
        "errors": stats.errors,
        "lost": lost,
        "elapsed": elapsed,
    }


def report(name: str, r: dict[str, Any]) -> None:
    ms = 1000
    print(
        f"\n{name}: {r['people']} people at once, {r['completed']}/{r['people'] // 2} couples "
        f"reached a checked-in agreement in {r['elapsed']:.1f} s"
    )
    print(f"  {r['requests']} requests, {r['rps']:.0f} per second")
    print(
        f"  page loads  p50 {r['page_p50'] * ms:6.1f} ms   p99 {r['page_p99'] * ms:6.1f} ms "
        f"(target p99 < 250 ms)"
    )
    print(f"  API calls   p50 {r['api_p50'] * ms:6.1f} ms   p99 {r['api_p99'] * ms:6.1f} ms")
    print(f"  sign-up (Argon2) p99 {r['signup_p99'] * ms:6.1f} ms")
    print(
        f"  baseline: one couple alone, page p50 {r['alone_page_p50'] * ms:.1f} ms; "
        f"p99 under load is {r['page_p99'] / r['alone_page_p50']:.1f}x that"
    )
    print(f"  errors: {len(r['errors'])}" + (f" (first: {r['errors'][0]})" if r["errors"] else ""))
    print(f"  writes lost: {len(r['lost'])}" + (f" (first: {r['lost'][0]})" if r["lost"] else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--couples", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument(
        "--think", type=float, default=1.0, help="mean seconds between a person's actions"
    )
    parser.add_argument(
        "--ramp", type=float, default=20.0, help="seconds over which the couples arrive"
    )
    args = parser.parse_args()
    global THINK, RAMP
    THINK, RAMP = args.think, args.ramp
    print(
        f"{args.couples * 2} people ({args.couples} couples) arriving over {RAMP:.0f} s, "
        f"{THINK:.1f} s between a person's actions on average, {args.workers} server workers"
    )
    failed = False
    if args.database in ("sqlite", "both"):
        folder = tempfile.mkdtemp(prefix="accord-bench-")
        result = asyncio.run(run(f"sqlite:///{folder}/bench.db", args.couples, args.workers))
        report("SQLite", result)
        failed |= bool(result["errors"] or result["lost"])
    if args.database in ("postgresql", "both"):
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        from accord.storage.database import normalise_url

        admin_url = make_url(normalise_url(POSTGRES))
        name = f"accord_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = admin_url.set(database=name).render_as_string(False)
            result = asyncio.run(run(url, args.couples, args.workers))
            report("PostgreSQL", result)
            failed |= bool(result["errors"] or result["lost"])
        finally:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
