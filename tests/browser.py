"""A real headless Chromium driven over the DevTools protocol, for tests of pages we generate.

Started with Debian's `/usr/bin/chromium` (`make browser` installs it; `make test` depends on that), a fresh
profile, no sandbox (CI runs as root), no GPU, no background networking, and a DevTools port on 127.0.0.1.
It records everything the page says: console calls, uncaught exceptions, log entries (CSP violations,
failed loads) and every network request, so a test can assert that a page is silent and self-contained.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import pathlib
import shutil
import subprocess
import time
import urllib.request
from typing import Any

from websockets.sync.client import connect

CHROMIUM = os.environ.get("NEWSBEAM_CHROMIUM", "/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--no-default-browser-check",
    "--disable-extensions",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",  # the browser picks a free port and writes it to DevToolsActivePort
)
START_TIMEOUT = 60  # s: a cold start on a busy 2-core machine takes a few seconds, never a minute
CALL_TIMEOUT = 30  # s per DevTools call
VIEWPORT = {"width": 1280, "height": 900}  # CSS px: a laptop screen; pages are laid out at this width


def chromium_path() -> str | None:
    return CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")


class Browser:
    """One headless Chromium process and a DevTools session on its first page."""

    def __init__(self, profile: pathlib.Path) -> None:
        binary = chromium_path()
        if binary is None:
            raise RuntimeError("no chromium: run `make browser` (apt-get install -y chromium)")
        profile.mkdir(parents=True, exist_ok=True)
        self.log_path = profile.parent / f"{profile.name}-chromium.log"
        self._log = self.log_path.open("wb")  # a file, not a pipe: a full pipe would block the browser
        self.proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )
        self.events: list[dict[str, Any]] = []
        self._ids = itertools.count(1)
        try:
            port = self._wait_for_port(profile / "DevToolsActivePort")
            self.ws = connect(self._page_socket(port), max_size=None, open_timeout=CALL_TIMEOUT)
            for domain in ("Page", "Runtime", "Log", "Network"):
                self.call(f"{domain}.enable")
            self.call("Emulation.setDeviceMetricsOverride", deviceScaleFactor=1, mobile=False, **VIEWPORT)
        except BaseException:
            self.close()
            raise

    def _wait_for_port(self, port_file: pathlib.Path) -> int:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                log = self.log_path.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"chromium exited {self.proc.returncode}: {log}")
            with contextlib.suppress(FileNotFoundError, ValueError, IndexError):
                return int(port_file.read_text().split()[0])
            time.sleep(0.1)
        raise TimeoutError("chromium did not open its DevTools port")

    @staticmethod
    def _page_socket(port: int) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=CALL_TIMEOUT) as r:
                pages = [t for t in json.load(r) if t.get("type") == "page"]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
            if time.monotonic() > deadline:
                raise TimeoutError("chromium has no page target")
            time.sleep(0.1)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Sends one DevTools command and returns its result; events that arrive meanwhile are recorded."""
        call_id = next(self._ids)
        self.ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        deadline = time.monotonic() + CALL_TIMEOUT
        while True:
            message = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event: str, timeout: float = CALL_TIMEOUT) -> dict[str, Any]:
        for message in self.events:  # it may have come in while a call waited for its answer
            if message["method"] == event:
                return message
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if "method" in message:
                self.events.append(message)
                if message["method"] == event:
                    return message

    def open(self, url: str) -> None:
        """Navigates and waits for the load event, then lets late console messages arrive."""
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        self.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")  # two frames painted

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"evaluate failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: pathlib.Path) -> bytes:
        """A full-page PNG (the layout stays the viewport's, so positions measured before still hold)."""
        width, height = self.evaluate(
            "[document.documentElement.clientWidth, Math.ceil(document.documentElement.scrollHeight)]"
        )
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True, clip=clip)["data"]
        path.write_bytes(base64.b64decode(data))
        return path.read_bytes()

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions and error log entries since the last `open`."""
        found = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "warning", "assert"):
                found.append(f"console.{p['type']}: {[a.get('value', a.get('description')) for a in p['args']]}")
            elif e["method"] == "Runtime.exceptionThrown":
                found.append(f"exception: {p['exceptionDetails'].get('text')}")
            elif e["method"] == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
                found.append(f"log.{p['entry']['level']}: {p['entry']['text']}")
        return found

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"]

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()
