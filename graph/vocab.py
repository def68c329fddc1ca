"""The closed namespace of the gc-digital-careers ontology (generated: do not edit).

Regenerate with ``python scripts/generate_vocab.py`` after changing ``ontology/careers.ttl``.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class GCDC(DefinedNamespace):
    """Terms of ``ontology/careers.ttl``; a misspelt term raises ``AttributeError``."""

    _fail = True
    _NS = Namespace("https://w3id.org/gc-digital-careers/ontology#")

    Basis: URIRef  # class: basis
    CareerCommunity: URIRef  # class: career community
    CareerPath: URIRef  # class: career path
    Competency: URIRef  # class: competency
    CompetencyLink: URIRef  # class: competency link
    CuratedLink: URIRef  # term: curated link
    EmploymentStatus: URIRef  # class: employment status
    Entry: URIRef  # term: entry
    EntryRoute: URIRef  # class: entry route
    ExecutiveTransition: URIRef  # term: executive transition
    Expertise: URIRef  # class: expertise
    FunctionalArea: URIRef  # class: functional area
    Inferred: URIRef  # term: inferred
    LabelMatch: URIRef  # term: label match
    LateralMove: URIRef  # term: lateral move
    Level: URIRef  # class: level
    LinkMethod: URIRef  # class: link method
    OccupationalGroup: URIRef  # class: occupational group
    Organisation: URIRef  # class: organisation
    OwnTranslation: URIRef  # term: own translation
    PathChange: URIRef  # term: path change
    PayScale: URIRef  # class: pay scale
    Pilot: URIRef  # class: pilot
    Position: URIRef  # class: position
    Program: URIRef  # class: program
    Progression: URIRef  # class: progression
    ProgressionKind: URIRef  # class: progression kind
    Promotion: URIRef  # term: promotion
    QualificationStandard: URIRef  # class: qualification standard
    ReportingRelationship: URIRef  # class: reporting relationship
    Responsibility: URIRef  # class: responsibility
    Role: URIRef  # class: role
    SourceDocument: URIRef  # class: source document
    Specialisation: URIRef  # class: specialisation
    SpecialisationMove: URIRef  # term: specialisation
    Stated: URIRef  # term: stated
    Team: URIRef  # class: team
    TranslationSource: URIRef  # class: translation source
    WorkStream: URIRef  # class: work stream
    abbreviation: URIRef  # term: abbreviation
    appliesToLevel: URIRef  # term: applies to level
    atLevel: URIRef  # term: at level
    audience: URIRef  # term: audience
    basis: URIRef  # term: basis
    community: URIRef  # term: community
    competencyLink: URIRef  # term: competency link
    coversAll: URIRef  # term: covers
    coversLevel: URIRef  # term: covers level
    curatedCompetency: URIRef  # term: curated competency
    evidence: URIRef  # term: evidence
    focus: URIRef  # term: focus
    foundInStream: URIRef  # term: found in stream
    frenchLabelSource: URIRef  # term: French label source
    fromState: URIRef  # term: from
    hasExpertise: URIRef  # term: has expertise
    hasFunctionalArea: URIRef  # term: has functional area
    hasLevel: URIRef  # term: has level
    hasResponsibility: URIRef  # term: has responsibility
    hasRole: URIRef  # term: has role
    hasSpecialisation: URIRef  # term: has specialisation
    inStream: URIRef  # term: in stream
    launched: URIRef  # term: launched
    linkMethod: URIRef  # term: link method
    linkedCompetency: URIRef  # term: linked competency
    localCopy: URIRef  # term: local copy
    matchedText: URIRef  # term: matched text
    minimumEducation: URIRef  # term: minimum education
    nextLevel: URIRef  # term: next level
    occupationalGroup: URIRef  # term: occupational group
    onPath: URIRef  # term: on path
    order: URIRef  # term: order
    paidAtRateOf: URIRef  # term: paid at the rate of
    partOfProgram: URIRef  # term: part of program
    payScale: URIRef  # term: pay scale
    progressionKind: URIRef  # term: progression kind
    qualificationStandard: URIRef  # term: qualification standard
    quote: URIRef  # term: quote
    rank: URIRef  # term: rank
    relationship: URIRef  # term: relationship
    representedBy: URIRef  # term: represented by
    requiresCompetency: URIRef  # term: requires competency
    respondsTo: URIRef  # term: responds to
    runBy: URIRef  # term: run by
    score: URIRef  # term: score
    sharedCompetency: URIRef  # term: shared competency
    sourceSection: URIRef  # term: source section
    subItemOf: URIRef  # term: sub-item of
    subordinate: URIRef  # term: subordinate
    superior: URIRef  # term: superior
    temporary: URIRef  # term: temporary
    toState: URIRef  # term: to
