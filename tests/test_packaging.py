"""The declared dependencies: every bound the code relies on, and constraints.txt within them."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]


def _pinned() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = [line.split("==") for line in lines if line and not line.startswith("#")]
    return {canonicalize_name(name): version for name, version in pins}


def test_every_dependency_is_pinned_within_its_bounds():
    pins = _pinned()
    for requirement in _declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in constraints.txt"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]} is outside {requirement.specifier}"


def test_the_bounds_the_code_relies_on():
    bounds = {canonicalize_name(r.name): r.specifier for r in _declared()}
    assert not bounds["pyoxigraph"].contains("0.4.11")  # Store.query(prefixes=...) exists from 0.5
    for name in ("rdflib", "pyoxigraph", "pyshacl", "networkx", "matplotlib", "pyvis"):  # they shape the outputs' bytes
        assert any(spec.operator == "<" for spec in bounds[name]), f"{name} has no upper bound"
