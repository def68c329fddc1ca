"""Find English words in output that should be French: what a French-speaking reader would stumble on.

``english_words(text)`` lists the words of ``text`` that are English and not French, outside what may stay English:
the sources' own words (marked « … » in plain text), identifiers (``gcd:…``, ``gcdc:…``, file names and paths), acronyms (IT, EX, GC) and the
proper names GC Digital Talent's official French keeps in English (`PROPER_NAMES`).

>>> english_words("promotion vers IT-03 chef d'équipe (coût 1,00)")
[]
>>> english_words("promotion to IT-03 Team Lead (cost 1.00); la page dit (en anglais) : « the page's words »")
['cost', 'lead', 'team', 'to']
"""

from __future__ import annotations

import re

# Common English words that are not French words ("promotion", "page", "source" or "direct" are both: never listed).
ENGLISH = frozenset(
    """
    the to of and or for with from by in at into as is are was be not no none any all each every this that these those
    which who what when where how than then there their its it's our your you we they he she
    skill skills gain deepen deepened carry over left behind held earlier step steps level levels given cost costs move moves
    pay paid rate rates rule rules path paths stated allowed says said assumes assumption assumptions appointment
    appointments deployment deployments advertised process same between single entry student students analyst analysts
    manager managers director directors lead team technician advisor senior security database business software planning
    reporting enterprise operations project agreement signed before applies apply now then first last show essential
    intermediate beginner advanced found kept
    """.split()
)
MARKED = re.compile(r"«[^»]*»|gcdc?:[\w-]+|https?://\S+|[\w/.-]+\.(?:py|ttl|rq|csv|json|md|toml|duckdb)\b|(?<!\w)/[\w/.-]+")
PROPER_NAMES = re.compile(
    r"Azure SQL Database|Microsoft Project|Ruby on Rails|SAP User Interface for HTML 5|ArcGIS Enterprise|IGiS Enterprise Suite"
    r"|National Institute of Standards and Technology|(?:de|du|le) reporting"
)
"""Names and words that stay English in GC Digital Talent's official French (products, an institute, its "reporting")."""


def english_words(text: str) -> list[str]:
    """The English words of ``text`` (lower case, sorted, once each), outside marked quotes, ids and acronyms."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", PROPER_NAMES.sub(" ", MARKED.sub(" ", text)))  # "façon", "l’on": French
    return sorted({w.lower() for w in words if not w.isupper() and w.lower() in ENGLISH})


def shown_french(page: str) -> list[str]:
    """The texts of an HTML page that a reader sees in French: outside scripts, styles, templates, form fields' contents,
    code, and elements marked in another language (``lang="en"``).

    >>> shown_french('<html lang="fr"><p>Bonjour <span lang="en">hello</span> <code>careers path</code></p></html>')
    ['Bonjour']
    """
    from html.parser import HTMLParser

    hidden = {"script", "style", "template", "textarea", "code"}

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[tuple[str, bool]] = []
            self.texts: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("meta", "link", "br", "img", "input", "hr"):
                return
            language = dict(attrs).get("lang")
            outside = bool(self.stack and self.stack[-1][1]) or tag in hidden or (language is not None and language != "fr")
            self.stack.append((tag, outside))

        def handle_endtag(self, tag: str) -> None:
            while self.stack:
                if self.stack.pop()[0] == tag:
                    break

        def handle_data(self, data: str) -> None:
            if data.strip() and not (self.stack and self.stack[-1][1]):
                self.texts.append(data.strip())

    reader = Reader()
    reader.feed(page)
    return reader.texts
