"""HTTP content negotiation: pick the best format of those offered for an ``Accept`` header.

Examples
--------
>>> best_match("text/csv;q=0.5, application/sparql-results+json", {"json": "application/sparql-results+json", "csv": "text/csv"})
'json'
>>> best_match("image/png", {"json": "application/sparql-results+json"}) is None
True
"""

from __future__ import annotations

__all__ = ["best_match"]


def _parse(accept: str) -> list[tuple[float, int, str]]:
    ranges = []
    for index, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    quality = float(field[2:])
                except ValueError:
                    quality = 0.0
        ranges.append((quality, -index, media))
    return ranges


def best_match(accept: str | None, offers: dict[str, str]) -> str | None:
    """The key of ``offers`` (key -> media type) that ``accept`` prefers; the first offer for ``*/*`` or no header.

    Returns ``None`` when the header accepts none of the offers.
    """
    if not accept:
        return next(iter(offers))
    best: tuple[float, int, int] | None = None
    choice = None
    for quality, order, media in _parse(accept):
        if quality <= 0:
            continue
        for rank, (key, offered) in enumerate(offers.items()):
            offered = offered.split(";")[0].lower()
            specific = (
                2 if media == offered else 1 if media.endswith("/*") and offered.startswith(media[:-1]) else 0 if media == "*/*" else -1
            )
            if specific < 0:
                continue
            score = (quality, specific, order * 100 - rank)
            if best is None or score > best:
                best, choice = score, key
    return choice
