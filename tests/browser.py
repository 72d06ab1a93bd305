"""A headless Chromium driven over the DevTools protocol, for tests of HTML output.

Uses Debian's `chromium` (never a downloaded browser) through `--remote-debugging-pipe`:
commands go to the browser on file descriptor 3 and answers come back on 4, as JSON
messages ending in a NUL byte. Standard library only.

    with Chromium() as browser:
        page = browser.open(Path("report.html"), width=400)
        page.evaluate("document.dir")
        page.screenshot(Path("report.png"))

Run as a script to take a screenshot: `python tests/browser.py PAGE PNG [WIDTH [HEIGHT]]`
(the whole page, or its first HEIGHT pixels).
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

EXECUTABLES = ("chromium", "chromium-browser")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--remote-debugging-pipe",
)
TIMEOUT_S = 60


def find_chromium() -> str | None:
    return next(filter(None, map(shutil.which, EXECUTABLES)), None)


class BrowserError(Exception):
    pass


class Chromium:
    def __init__(self, executable: str | None = None) -> None:
        executable = executable or find_chromium()
        if executable is None:
            raise BrowserError("chromium is not installed")
        self.profile = tempfile.TemporaryDirectory(prefix="quotex-chromium-")
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def browser_pipes() -> None:  # in the child: the pipes on fds 3 and 4
            read_end = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
            write_end = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile.name}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=browser_pipes,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """A command's result (waiting for it; events that arrive meanwhile are kept)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, session: str) -> dict[str, Any]:
        """The first event `method` of `session` (kept or yet to come)."""
        while True:
            for event in self.events:
                if event.get("method") == method and event.get("sessionId") == session:
                    self.events.remove(event)
                    return event
            self.events.append(self._receive())

    def _receive(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT_S
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise BrowserError(f"no answer from chromium in {TIMEOUT_S} s")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise BrowserError("chromium exited")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def open(self, path: Path, width: int, height: int = 900) -> Page:
        """A new tab `width` CSS pixels wide showing the file, once loaded."""
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride", session, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)
        self.send("Page.enable", session)
        self.send("Page.navigate", session, url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired", session)
        return Page(self, session, width)

    def close(self) -> None:
        try:
            os.close(self._to_browser)  # the browser quits when its pipe closes
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self._from_browser)
            self.profile.cleanup()

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Page:
    def __init__(self, browser: Chromium, session: str, width: int) -> None:
        self.browser, self.session, self.width = browser, session, width

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression in the page."""
        result = self.browser.send("Runtime.evaluate", self.session, expression=expression,
                                   returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def emulate_media(self, media: str) -> None:
        """Lay the page out for `print` (or `screen` again)."""
        self.browser.send("Emulation.setEmulatedMedia", self.session, media=media)

    def screenshot(self, path: Path, top: int = 0, height: int | None = None) -> None:
        """A PNG of the page at the tab's width: all of it, or `height` pixels from `top`.

        The tab is made as tall as the page first: a clip beyond the viewport is
        shifted sideways on right-to-left pages.
        """
        full_height = self.evaluate("document.documentElement.scrollHeight")
        self.browser.send("Emulation.setDeviceMetricsOverride", self.session, width=self.width,
                          height=full_height, deviceScaleFactor=1, mobile=False)
        clip = {"x": 0, "y": top, "width": self.width,
                "height": min(height or full_height, full_height - top), "scale": 1}
        shot = self.browser.send("Page.captureScreenshot", self.session, format="png", clip=clip)
        path.write_bytes(base64.b64decode(shot["data"]))

if __name__ == "__main__":
    page_path, png_path, *size = sys.argv[1:]
    with Chromium() as chromium:
        page = chromium.open(Path(page_path), int(size[0]) if size else 1280)
        page.screenshot(Path(png_path), height=int(size[1]) if len(size) > 1 else None)
