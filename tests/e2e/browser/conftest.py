"""The real app in a real browser: a uvicorn server on a free port with a fresh SQLite file, and
Debian's Chromium driven by Playwright, one browser profile per person (two people, two
devices). Nothing here skips: without Chromium the tests fail and say how to install it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, Playwright, sync_playwright

from tests.command import ROOT

CHROMIUM = os.environ.get("ACCORD_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = ROOT / "docs" / "screenshots"
QUICK_EXIT = "/static/neutral.html"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("web") / "browser.db"


@pytest.fixture(scope="session")
def server(server_database: Path) -> Iterator[str]:
    """``accord serve`` as a person would run it, on its own database."""
    port = _free_port()
    database = server_database
    env = dict(os.environ)
    env["ACCORD_DATABASE_URL"] = f"sqlite:///{database}"
    env["ACCORD_QUICK_EXIT_URL"] = f"http://127.0.0.1:{port}{QUICK_EXIT}"
    process = subprocess.Popen(
        [sys.executable, "-m", "accord.cli", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=2):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode() if process.stdout else ""
                raise RuntimeError(f"the server did not start:\n{output}") from None
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not at {CHROMIUM}: install Debian's package (apt-get install chromium) "
            "or set ACCORD_CHROMIUM. The browser tests never skip."
        )
    with sync_playwright() as p:
        yield p


class Person:
    """One person on their own device: a browser profile of their own, and their page."""

    def __init__(self, playwright: Playwright, profile: Path, base: str, name: str) -> None:
        self.name = name
        self.base = base
        self.context: BrowserContext = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            args=ARGS,
            headless=True,
            viewport={"width": 390, "height": 844} if name == "Alex" else None,
        )
        self.page: Page = self.context.pages[0] if self.context.pages else self.context.new_page()
        self.page.set_default_timeout(15_000)

    def go(self, path: str) -> Page:
        self.page.goto(self.base + path)
        return self.page

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def people(playwright: Playwright, server: str, tmp_path: Path) -> Iterator[tuple[Person, Person]]:
    sam = Person(playwright, tmp_path / "sam-profile", server, "Sam")
    alex = Person(playwright, tmp_path / "alex-profile", server, "Alex")
    yield sam, alex
    sam.close()
    alex.close()
    shutil.rmtree(tmp_path / "sam-profile", ignore_errors=True)
    shutil.rmtree(tmp_path / "alex-profile", ignore_errors=True)
