"""Shared fixtures: the shipped knowledge graph, loaded and derived once per test session."""

from __future__ import annotations

import re

import pytest

from graph.derive import derive
from graph.load import KnowledgeBase, load
from graph.paths import ontology_dir


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    knowledge_base = load()
    derive(knowledge_base.g)
    return knowledge_base


@pytest.fixture(scope="session")
def g(kb):
    return kb.g


@pytest.fixture(scope="session")
def source_text() -> str:
    return (ontology_dir() / "sources" / "careers-in-digital.txt").read_text(encoding="utf-8")


IT_STREAMS = [  # the eight IT work streams, in the source's order
    "IT Business Line Advisory Services",
    "IT Database Management",
    "IT Enterprise Architecture",
    "IT Infrastructure Operations",
    "IT Planning and Reporting",
    "IT Project Portfolio Management",
    "IT Security",
    "IT Software Solutions",
]


def fold(text: str) -> str:
    """Fold runs of white space to one space, as gcdc:quote does."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="session")
def build_result(tmp_path_factory):
    """One full build of the shipped data, into a temporary directory (never the working tree's outputs/)."""
    from graph.build import build

    return build(out_dir=tmp_path_factory.mktemp("built"))


@pytest.fixture(scope="session")
def built_dir(build_result):
    return build_result.out_dir


@pytest.fixture(scope="session")
def built_nt(built_dir) -> str:
    return str(built_dir / "knowledge-graph.nt")


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium (installed by `make test`), driven by Playwright; launched for each module that asks, closed after it."""
    from browser_helpers import CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe():
    """axe-core, to run in a page (`browser_helpers.severe_violations`)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()
