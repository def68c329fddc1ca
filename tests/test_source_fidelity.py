"""The graph holds every structural statement of the source page, and quotes nothing the page does not say.

The expected structure is read from the source text itself (its bullets and headings), not from the data.
"""

from __future__ import annotations

import re

import pytest
from conftest import IT_STREAMS, fold
from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, PROV, RDF, RDFS

from graph.derive import english_label
from graph.namespaces import GCD, GCDC
from graph.paths import ontology_dir

ROOT = ontology_dir().parent

STREAM_NAMES_IT = IT_STREAMS
STREAM_NAMES_OTHER = [
    "Information and Data Strategy and Direction",
    "Information and Data Architecture",
    "Information Operations",
    "Data Systems Operations",
    "Data Science and Analytics",
]


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def _bullets(section: str) -> list[tuple[int, str]]:
    """(indent, text) for each bullet line of a section of the source.

    A line holding only "or" introduces an alternative bullet: the line after it counts as one more.
    """
    pattern = r"^( *)• (.+)$|^( *)or\n *(.+)$"
    return [(len(m.group(1) or m.group(3)), fold(m.group(2) or m.group(4))) for m in re.finditer(pattern, section, re.MULTILINE)]


def _stream_blocks(text: str) -> dict[str, str]:
    """The text under each of the 13 streams, up to the next stream or section."""
    blocks = {}
    names = STREAM_NAMES_IT + STREAM_NAMES_OTHER
    sections = [
        _section(text, "Most IT work is organized", "Qualification standards"),
        _section(text, "most of the Information and Data management work", "Data Centre of Expertise\n"),
        _section(text, "The existing work streams are structured", "Digital executives\n"),
    ]
    for section in sections:
        starts = [(m.start(), m.group(1)) for m in re.finditer(r"^  • (.+)$", section, re.MULTILINE) if m.group(1).strip() in names]
        for (start, name), nxt in zip(starts, [s for s, _ in starts[1:]] + [len(section)], strict=True):
            blocks[name.strip()] = section[start:nxt]
    return blocks


def _quotes(g, node) -> list[str]:
    return [fold(str(q)) for q in g.objects(node, GCDC.quote)]


def _stream(g, name):
    (stream,) = [s for s in g.subjects(RDF.type, GCDC.WorkStream) if english_label(g, s) == name]
    return stream


def _document_text(path: str) -> str:
    """The folded text of a source's local copy: an excerpt file's words after its ``Excerpt:`` line, or the whole file."""
    text = (ROOT / path).read_text(encoding="utf-8")
    return fold(text.split("\nExcerpt:\n", 1)[1] if "\nExcerpt:\n" in text else text)


def _documents(g, node) -> set:
    """The source documents a node is derived from, directly or through the facts it is derived from."""
    found, frontier = set(), [node]
    for _ in range(3):
        frontier = [o for n in frontier for o in g.objects(n, PROV.wasDerivedFrom)]
        found |= {o for o in frontier if (o, RDF.type, GCDC.SourceDocument) in g}
    return found


def test_every_quote_is_verbatim_from_its_sources(g, source_text):
    """Each quote occurs in the local copy of a document its fact is derived from (the page when it names none)."""
    texts = {str(d): _document_text(str(p)) for d, p in g.subject_objects(GCDC.localCopy)}
    page = fold(source_text)
    checked, other = 0, 0
    missing = []
    for node, quote in g.subject_objects(GCDC.quote):
        documents = [texts[str(d)] for d in _documents(g, node) if str(d) in texts] or [page]
        other += documents != [page]
        checked += 1
        if not any(_in_order(fold(str(quote)).split(" … "), text) for text in documents):
            missing.append((str(node), str(quote)[:80]))
    assert missing == []
    assert (checked, other) == (501, 81)  # quotes in all; quotes from a document other than the page


def _in_order(parts: list[str], text: str) -> bool:
    """Whether the parts of a quote (split at its elisions, " … ") occur in ``text`` in that order."""
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def test_each_staffing_rule_shows_first_a_quote_that_states_it(g):
    """A rule's key quote is one of its quotes, a whole sentence; no quote of a rule starts in the middle of a list."""
    from graph.mobility.analysis import analyse

    facts, _ = analyse(g)
    for rule, data in facts.rules.items():
        (key,) = g.objects(URIRef(GCD + rule), GCDC.keyQuote)
        assert (URIRef(GCD + rule), GCDC.quote, key) in g, rule  # one of its quotes, so verbatim like the others
        assert data.quotes[0] == str(key), rule
        assert str(key)[0].isupper() and str(key).endswith("."), rule
        assert not any(q.startswith("(") for q in data.quotes), rule
    assert facts.rules["rule-deployment"].quotes[0].startswith("A deployment is a “transfer of a person")


def test_each_excerpt_names_its_page_as_its_source_document_does(g):
    for document, path in g.subject_objects(GCDC.localCopy):
        if not str(path).startswith("ontology/sources/public/"):
            continue
        header = (ROOT / str(path)).read_text(encoding="utf-8").split("\nExcerpt:\n", 1)[0]
        fields = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
        assert {"Title", "Publisher", "URL", "Retrieved"} <= set(fields), path
        url = str(g.value(document, DCAT.landingPage))
        urls = fields["URL"].split(" ; ")  # notes that quote several pages list them all
        assert url == urls[0].split()[0] or (len(urls) > 1 and url in urls), path
        assert (document, GCDC.retrieved, None) in g, document


def test_the_thirteen_streams_are_exactly_the_sources(g, source_text):
    blocks = _stream_blocks(source_text)
    assert sorted(blocks) == sorted(STREAM_NAMES_IT + STREAM_NAMES_OTHER)
    labels = sorted(english_label(g, s) for s in g.subjects(RDF.type, GCDC.WorkStream))
    assert labels == sorted(STREAM_NAMES_IT + STREAM_NAMES_OTHER)


@pytest.mark.parametrize("name", STREAM_NAMES_IT + STREAM_NAMES_OTHER)
def test_every_bullet_of_a_stream_is_in_the_graph(g, source_text, name):
    """Each bullet under a stream is a responsibility, sub-item, functional area or expertise of it, quoted."""
    stream = _stream(g, name)
    items = set(g.objects(stream, GCDC.hasResponsibility))
    items |= {sub for item in list(items) for sub in g.subjects(GCDC.subItemOf, item)}
    items |= set(g.objects(stream, GCDC.hasFunctionalArea))
    for specialisation in g.objects(stream, GCDC.hasSpecialisation):
        items |= set(g.objects(specialisation, GCDC.hasExpertise))
    quoted = {q for item in items for q in _quotes(g, item)}
    bullets = [text for indent, text in _bullets(_stream_blocks(source_text)[name]) if indent > 2]
    assert bullets, name
    missing = [b for b in bullets if not any(b.rstrip(";.:") in q or q in b for q in quoted)]
    assert missing == []
    # and no more items than the source has bullets (an expertise may carry the analytics bullet split in two)
    assert len(items) <= len(bullets)


def test_responsibility_counts_per_stream_match_the_source(g, source_text):
    blocks = _stream_blocks(source_text)
    expected = {  # top-level bullets under "Responsible for:" (sub-bullets are sub-items)
        "IT Business Line Advisory Services": 2,
        "IT Database Management": 3,
        "IT Enterprise Architecture": 4,
        "IT Infrastructure Operations": 3,
        "IT Planning and Reporting": 2,
        "IT Project Portfolio Management": 2,
        "IT Security": 2,
        "IT Software Solutions": 2,
        "Information and Data Strategy and Direction": 8,
        "Information and Data Architecture": 3,
        "Information Operations": 2,
        "Data Systems Operations": 18,
        "Data Science and Analytics": 9,
    }
    for name, count in expected.items():
        assert len(set(g.objects(_stream(g, name), GCDC.hasResponsibility))) == count, name
    # the IT counts are also the source's own top-level bullet counts (indent 4)
    for name in STREAM_NAMES_IT:
        top = [t for indent, t in _bullets(blocks[name]) if indent == 4]  # responsibilities, then any functional areas
        fa = len(set(g.objects(_stream(g, name), GCDC.hasFunctionalArea)))
        assert len(top) == expected[name] + fa, name


def test_levels_are_those_the_source_names(g, source_text):
    for group, prefix in (("group-it", "IT"), ("group-ex", "EX")):
        named = set(re.findall(rf"\b{prefix}-0[1-9]\b", source_text))
        for low, high in re.findall(rf"\b{prefix}-0([1-9]) to {prefix}-0([1-9])\b", source_text):  # "EX-01 to EX-05"
            named |= {f"{prefix}-0{i}" for i in range(int(low), int(high) + 1)}
        named = sorted(named)
        levels = sorted(english_label(g, lvl) for lvl in g.subjects(GCDC.occupationalGroup, GCD[group]) if (lvl, RDF.type, GCDC.Level) in g)
        assert levels == named == [f"{prefix}-0{i}" for i in range(1, 6)]


ROLE_STREAMS = {  # read from the source: "found in all work streams" or the listed streams
    "Technician": ["IT Infrastructure Operations", "IT Security", "IT Software Solutions"],
    "Analyst": STREAM_NAMES_IT,
    "Team Lead": STREAM_NAMES_IT,
    "Technical Advisor": STREAM_NAMES_IT,
    "Manager": STREAM_NAMES_IT,
    "Senior Advisor": STREAM_NAMES_IT[1:4] + STREAM_NAMES_IT[5:],
    "Director": STREAM_NAMES_IT[1:4] + STREAM_NAMES_IT[5:],
    "Senior Strategist (pilot)": [],
}


def test_role_streams_match_the_source_lists(g, source_text):
    for heading, streams in (
        ("IT Technicians are primarily found in three work streams:", 3),
        ("IT Senior Advisors are primarily found in six work streams:", 6),
        ("Directors are primarily found in six work streams:", 6),
    ):
        block = source_text[source_text.index(heading) : source_text.index("Apply to", source_text.index(heading))]
        assert len(_bullets(block)) == streams
    assert sorted(t for _, t in _bullets(source_text[source_text.index("IT Senior Advisors are primarily") :][:400])) == sorted(
        ROLE_STREAMS["Senior Advisor"]
    )
    for role in g.subjects(RDF.type, GCDC.Role):
        label = english_label(g, role)
        if label == "Executive":
            continue
        found = sorted(english_label(g, s) for s in g.objects(role, GCDC.foundInStream))
        assert found == sorted(ROLE_STREAMS[label]), label


def test_positions_are_generated_only_where_the_source_puts_the_role(g):
    positions = {p for p in g.subjects(RDF.type, GCDC.Position) if (p, GCDC.hasRole, None) in g}
    expected = {(role, stream) for role, streams in ROLE_STREAMS.items() for stream in streams}
    actual = {(english_label(g, g.value(p, GCDC.hasRole)), english_label(g, g.value(p, GCDC.inStream))) for p in positions}
    assert actual == expected
    assert len(positions) == 47
    assert all(g.value(p, GCDC.levelStated) == Literal(True) for p in positions)
    unstated = set(g.subjects(RDF.type, GCDC.Position)) - positions
    assert {english_label(g, g.value(p, GCDC.inStream)) for p in unstated} == set(STREAM_NAMES_OTHER)
    for p in unstated:  # the source gives these streams no levels: each position says so and names the assumption
        assert g.value(p, GCDC.levelStated) == Literal(False)
        assert g.value(p, GCDC.assumes) == GCD["assumption-levels-of-streams-without-levels"]
    assert english_label(g, GCD["position-it-03-team-lead-it-security"]) == "IT-03 Team Lead, IT Security"


def test_roles_sit_at_the_levels_and_paths_the_source_gives(g):
    expected = {
        "Technician": ("IT-01", None),
        "Analyst": ("IT-02", None),
        "Team Lead": ("IT-03", "management path"),
        "Technical Advisor": ("IT-03", "individual-contributor path"),
        "Manager": ("IT-04", "management path"),
        "Senior Advisor": ("IT-04", "individual-contributor path"),
        "Director": ("IT-05", "management path"),
        "Senior Strategist (pilot)": ("IT-05", "individual-contributor path"),
    }
    for role in g.subjects(RDF.type, GCDC.Role):
        label = english_label(g, role)
        if label == "Executive":
            assert sorted(english_label(g, lvl) for lvl in g.objects(role, GCDC.atLevel)) == [f"EX-0{i}" for i in range(1, 6)]
            continue
        path = g.value(role, GCDC.onPath)
        assert (english_label(g, g.value(role, GCDC.atLevel)), english_label(g, path) if path else None) == expected[label]
    assert g.value(GCD["role-senior-strategist"], GCDC.temporary) == Literal(True)


def test_every_fact_names_its_source(g):
    """Everything in the instance namespace is quoted from a source, read from GC Digital Talent's files (with its key),
    or is the project's own construct, documented as such (the retired competencies, skill links, crosswalks, assumptions,
    positions at levels the source does not state, concept schemes, the source documents themselves)."""
    own = {GCDC.Competency, GCDC.SkillLink, GCDC.SourceDocument, GCDC.Assumption}
    talent = {d for d in g.subjects(RDF.type, GCDC.SourceDocument) if str(d).startswith(str(GCD["source-talent-"]))}
    for subject in set(g.subjects(RDF.type, None)):
        if not isinstance(subject, URIRef) or not str(subject).startswith(str(GCD)):
            continue
        types = set(g.objects(subject, RDF.type))
        if types & own or str(subject).startswith(str(GCD["scheme-"])):
            continue
        if (subject, GCDC.quote, None) in g:
            assert (subject, PROV.wasDerivedFrom, None) in g, subject
        elif GCDC.Crosswalk in types:
            assert (subject, RDFS.comment, None) in g and (subject, PROV.wasDerivedFrom, None) in g, subject
        elif GCDC.SkillRequirement in types:
            assert (None, GCDC.skillRequirement, subject) in g, subject  # part of a job template, read from its file
        elif (subject, GCDC.levelStated, Literal(False)) in g:
            assert (subject, GCDC.assumes, None) in g, subject
        else:
            assert set(g.objects(subject, PROV.wasDerivedFrom)) & talent, f"{subject} has no quote and no GC Digital Talent source"
            assert (subject, GCDC.sourceKey, None) in g, subject


def test_the_source_copy_in_the_repository_is_the_shared_one(source_text):
    assert source_text.startswith("Careers in digital")
    assert "Most IT work is organized into eight standardized work streams." in source_text


def test_every_french_label_says_where_it_comes_from(g):
    """Issue 20: each French label in the graph is official (with its source) or the project's own translation. A term
    of the ontology takes the ontology's (its own translations) unless it says otherwise."""
    from rdflib.namespace import OWL, SKOS

    defaults = {o: g.value(o, GCDC.frenchLabelSource) for o in g.subjects(RDF.type, OWL.Ontology)}
    named = {s for p in (RDFS.label, SKOS.prefLabel) for s, label in g.subject_objects(p) if getattr(label, "language", None) == "fr"}
    unsourced = [s for s in named if g.value(s, GCDC.frenchLabelSource) is None and defaults.get(g.value(s, RDFS.isDefinedBy)) is None]
    assert unsourced == [] and len(named) > 850
    sources = {g.value(s, GCDC.frenchLabelSource) for s in named}
    assert {GCDC.OfficialTerm, GCDC.OwnTranslation, GCDC.DigitalTalentName, GCDC.ComposedLabel, GCDC.ClassificationCode} <= sources


def test_each_official_french_term_is_quoted_from_its_french_source(g):
    """An official French term (gcdc:OfficialTerm) quotes, verbatim, the French text that uses it, and names that text;
    the interface's French words for the kinds of move are those terms."""
    from graph.i18n import text

    official = list(g.subjects(GCDC.frenchLabelSource, GCDC.OfficialTerm))
    assert {GCDC.Deployment, GCDC.Promotion, GCDC.Demotion, GCDC.ActingAppointment, GCD["rule-deployment"]} <= set(official)
    for term in official:
        label = next(str(label) for label in g.objects(term, RDFS.label) if label.language == "fr")
        evidence, document = g.value(term, GCDC.frenchLabelEvidence), g.value(term, GCDC.frenchLabelDocument)
        assert evidence.language == "fr" and label.lower().split(" (")[0] in str(evidence).lower()
        assert g.value(document, DCAT.landingPage) is not None
        assert fold(str(evidence)) in _document_text(str(g.value(document, GCDC.localCopy))), term
    kinds = {"deployment": "Deployment", "promotion": "Promotion", "demotion": "Demotion", "acting appointment": "ActingAppointment"}
    for word, kind in kinds.items():
        assert text("fr", "move_" + word) == next(str(f) for f in g.objects(GCDC[kind], RDFS.label) if f.language == "fr")
