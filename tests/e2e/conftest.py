"""Fixtures for the browser tests: the app under uvicorn on a free localhost port, with a registry
in a temporary folder, and Debian's Chromium driven by Playwright (which cannot download a browser
of its own here).

Without Chromium or Playwright these tests skip, except under CI (CI=true), where they fail."""

from __future__ import annotations

import importlib.util
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "playwright tidak terpasang (pip install playwright)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} tidak ada (apt-get install -y chromium)"
    return None


@pytest.fixture(scope="session")
def registry_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The served registry; a test adds the entries it needs and finds them by their id."""
    return tmp_path_factory.mktemp("registry") / "drafting.db"


@pytest.fixture(scope="session")
def base_url(registry_db: Path) -> Iterator[str]:
    import uvicorn

    from drafting.web.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # the port is ours from here on: no race with another process
    server = uvicorn.Server(uvicorn.Config(create_app(registry_db), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if reason := _missing():
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=10_000)  # the first preview starts pandoc cold
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    from playwright.sync_api import expect

    page.goto(base_url)
    # the examples are listed in the same step that wires up the buttons and the file input
    expect(page.locator("#example option")).to_have_count(4)
    yield page
    context.close()
    assert errors == [], errors
