"""The page tests' view of a page: opened from file:// in Chromium with every other request blocked."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Chromium offline and quiet: no sandbox (we run as root), no background traffic."""


class Visit:
    """A page opened from file:// with everything else blocked; console errors and outside requests recorded."""

    def __init__(self, browser, path: Path, viewport: tuple[int, int] = (1400, 900), *, scripted: bool | None = None) -> None:
        self.errors, self.outside, self.dialogs = [], [], []
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.page = self.context.new_page()

        def route(r):
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        self.page.route("**/*", route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        if scripted if scripted is not None else path.name.split(".")[0] != "index":  # a page with a script says when it is ready
            self.page.wait_for_function("window.careers && window.careers.ready", timeout=20_000)

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))

    def close(self) -> None:
        self.context.close()


def assert_fits_a_phone(visit: Visit) -> None:
    """A page opened at 390 x 844: its graph (if any) takes the screen's width, nothing makes it scroll sideways, and no
    script error or outside request happened (issue 20)."""
    page = visit.page
    width = page.evaluate("(() => { const n = document.getElementById('network'); return n ? n.clientWidth : null; })()")
    assert width is None or width > 300
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert visit.errors == [] and visit.outside == []


SEVERE = {"serious", "critical"}


def severe_violations(axe, page) -> list[tuple[str, str, str]]:
    """axe-core's serious and critical violations on ``page``: (rule, impact, the first element's HTML).

    axe-core comes bundled in the PyPI package ``axe-playwright-python`` (offline); ``axe`` is its ``Axe()``.
    """
    violations = axe.run(page).response["violations"]
    return [(v["id"], v["impact"], v["nodes"][0]["html"][:120]) for v in violations if v["impact"] in SEVERE]
