"""The Content-Security-Policy of every generated page: the pages that write it and the server that sends it agree.

>>> "default-src 'none'" in PAGE_CSP
True
"""

from __future__ import annotations

__all__ = ["PAGE_CSP"]

PAGE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
"""Inline script and style, images as data: URIs, and no request of any kind (the pages work offline)."""
