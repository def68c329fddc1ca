"""No serious or critical axe-core violation on any page, in English and French (axe-core runs in Chromium, offline).

axe-core comes bundled in the PyPI package ``axe-playwright-python``; a control page with known faults
shows that the check finds them.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_helpers import Visit

pytestmark = pytest.mark.browser

SEVERE = {"serious", "critical"}
PAGES = ["index", "explorer", "career-map", "stream-mobility", "knowledge-graph", "ontology"]


@pytest.fixture(scope="module")
def axe():
    return Axe()


def severe(axe, page) -> list[tuple[str, str, str]]:
    """The serious and critical violations on ``page``: (rule, impact, the first element's HTML)."""
    violations = axe.run(page).response["violations"]
    return [(v["id"], v["impact"], v["nodes"][0]["html"][:120]) for v in violations if v["impact"] in SEVERE]


@pytest.mark.parametrize("name", [f"{p}{suffix}" for p in PAGES for suffix in ("", ".fr")])
def test_no_serious_violation(browser, built_dir, axe, name):
    visit = Visit(browser, built_dir / "html" / f"{name}.html")
    try:
        assert severe(axe, visit.page) == []
    finally:
        visit.close()


def test_no_serious_violation_in_the_explorer_s_answers(browser, built_dir, axe):
    visit = Visit(browser, built_dir / "html" / "explorer.html")
    try:
        page = visit.page
        page.fill("#from", "Student")
        page.fill("#to", "EX-01")
        page.keyboard.press("Enter")
        page.focus("#from")
        page.keyboard.press("ArrowDown")  # the suggestions open too
        assert page.locator(".path").count() == 3 and page.locator("#from-list [role=option]").count() >= 1
        assert severe(axe, page) == []
    finally:
        visit.close()


def test_the_check_finds_faults(browser, tmp_path, axe):
    control = tmp_path / "faulty.html"
    control.write_text(
        "<!DOCTYPE html><html><head><title>faulty</title><script>window.careers = {ready: true}</script></head><body><main>"
        '<img src="data:,"><input><p style="color:#ddd;background:#fff">faint</p></main></body></html>',
        encoding="utf-8",
    )
    visit = Visit(browser, control)
    try:
        assert {rule for rule, _, _ in severe(axe, visit.page)} == {"html-has-lang", "image-alt", "label", "color-contrast"}
    finally:
        visit.close()
