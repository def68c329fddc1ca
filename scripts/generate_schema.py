"""Write ``examples/observed/personnel-actions.schema.json``, the CSVW table schema of ``careers observe``'s input.

The schema is `graph.observe.schema.table_schema`; ``tests/test_observe.py`` fails while the file and it disagree.
A file's CSVW metadata can point to it (``"tableSchema": "personnel-actions.schema.json"``), as the example's does.

Example
-------
    python scripts/generate_schema.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.observe.schema import table_schema  # noqa: E402

TARGET = ROOT / "examples" / "observed" / "personnel-actions.schema.json"


def render() -> str:
    """The text of the schema file."""
    schema = {"@context": "http://www.w3.org/ns/csvw", **table_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
