"""Time to interactive of the career map in headless Chromium (Debian's), median of several cold loads.

"Interactive" is the page's own signal: the network has been drawn once and the search, filters and
details panel are wired (``window.careers.ready``). Each load uses a new browser context (no cache).
Target (issue 4): under 1 s on these machines.

Example
-------
    python scripts/bench_html.py --runs 9
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_helpers import CHROMIUM_ARGS  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--page", default="career-map.html")
    args = parser.parse_args()
    page_path = ROOT / "outputs" / "html" / args.page
    if not page_path.is_file():
        subprocess.run([sys.executable, "-m", "graph", "build"], cwd=ROOT, check=True, capture_output=True)
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(args.runs + 1):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
            page.goto(page_path.as_uri())
            page.wait_for_function("window.careers && window.careers.ready", timeout=30_000)
            times.append(page.evaluate("window.careers.readyAt") / 1000)  # ms since navigation start
            context.close()
        browser.close()
    times = times[1:]  # the first load also starts the browser's own caches
    print(
        f"{args.page}: time to interactive, median {statistics.median(times):.3f} s, min {min(times):.3f} s, max {max(times):.3f} s "
        f"over {len(times)} loads (target < 1 s); {page_path.stat().st_size / 1e6:.2f} MB"
    )


if __name__ == "__main__":
    main()
