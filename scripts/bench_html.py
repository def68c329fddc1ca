"""Every page's size and time to interactive in headless Chromium (Debian's), on the shipped data and two synthetic extras.

For each size, the script builds the shipped data with ``--extra`` synthetic streams (the generator of
``bench_scale.py``: every label says "synthetic"; 0, 160 and 660 streams by default, that is 72, about 900
and about 3,500 positions), then opens each page of ``html/`` (English) from the file, in a new browser
context each time, with every other request blocked, and reads the page's own signal that it is
interactive (``window.careers.readyAt``: drawn once, with search, filters and details wired; for the
explorer, its search ready). It prints the size of each page and the median time to interactive of
``--runs`` loads (after one warm-up load). Targets (issue 10): with the 3,500-position extra data, every
page under 5 MB and interactive in under 2 s. Everything it writes is in a temporary folder.

With ``--diverse`` the streams' skills are drawn from all the official ones, so that nearly every position has a
profile of its own (issue 22's target: 3,500 such positions, every page under 5 MB and interactive under 2 s).

Example
-------
    python scripts/bench_html.py --runs 3
    python scripts/bench_html.py --streams 631 --diverse --runs 3
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_scale import synthetic  # noqa: E402
from browser_helpers import CHROMIUM_ARGS  # noqa: E402

PAGES = ("explorer", "career-map", "stream-mobility", "knowledge-graph", "ontology", "index")


def time_to_interactive(browser, page_path: Path) -> float:
    """Seconds from navigation to the page's ``window.careers.readyAt`` (the index, a plain page: to its load event)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page.goto(page_path.as_uri(), timeout=60_000)
    if page_path.name.startswith("index"):
        seconds = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000
    else:
        page.wait_for_function("window.careers && window.careers.ready", timeout=60_000)
        seconds = page.evaluate("window.careers.readyAt") / 1000
    context.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--streams", type=int, nargs="*", default=[0, 160, 660], help="synthetic extra streams of each size")
    parser.add_argument("--runs", type=int, default=3, help="loads of each page (medians are printed)")
    parser.add_argument("--diverse", action="store_true", help="streams with skills drawn from all the official ones (bench_scale.py)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        print(f"{'streams':>7} {'positions':>9} " + " ".join(f"{page:>22}" for page in PAGES))
        for streams in args.streams:
            out = Path(scratch) / f"out-{streams}"
            command = [sys.executable, "-m", "graph", "build", "--out", str(out)]
            if streams:
                extra = Path(scratch) / f"synthetic-{streams}.ttl"
                extra.write_text(synthetic(streams, diverse=args.diverse), encoding="utf-8")
                command += ["--extra", str(extra)]
            built = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout
            positions = next((w.split()[0] for w in built.split(", ") if w.endswith(" Position")), "?")
            cells = []
            for page in PAGES:
                path = out / "html" / f"{page}.html"
                time_to_interactive(browser, path)  # warm-up
                median = statistics.median(time_to_interactive(browser, path) for _ in range(args.runs))
                cells.append(f"{path.stat().st_size / 1e6:6.2f} MB {median:5.2f} s")
            print(f"{streams:>7} {positions:>9} " + " ".join(f"{c:>22}" for c in cells), flush=True)
        browser.close()


if __name__ == "__main__":
    main()
