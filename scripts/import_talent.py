"""Write ``ontology/data/gc-digital-talent.ttl`` from the GC Digital Talent copies in ``ontology/sources/gc-digital-talent/``.

Run after replacing a copy with a newer version of its file (and updating the commit in the folder's README
and in ``ontology/data/sources.ttl``); ``tests/test_talent.py`` fails while the Turtle is stale.

Example
-------
    python scripts/import_talent.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.talent import rendered  # noqa: E402

TARGET = ROOT / "ontology" / "data" / "gc-digital-talent.ttl"

if __name__ == "__main__":
    TARGET.write_text(rendered(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
