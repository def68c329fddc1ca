"""The closed namespace of the gc-digital-careers ontology (generated: do not edit).

Regenerate with ``python scripts/generate_vocab.py`` after changing ``ontology/careers.ttl``.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class GCDC(DefinedNamespace):
    """Terms of ``ontology/careers.ttl``; a misspelt term raises ``AttributeError``."""

    _fail = True
    _NS = Namespace("https://w3id.org/gc-digital-careers/ontology#")

    ActingAppointment: URIRef  # term: acting appointment
    Advanced: URIRef  # term: advanced
    ApplicationRule: URIRef  # class: application rule
    Appointment: URIRef  # term: appointment (advertised process)
    Asset: URIRef  # term: asset
    Assumption: URIRef  # class: assumption
    Basis: URIRef  # class: basis
    Beginner: URIRef  # term: beginner
    Behavioural: URIRef  # term: behavioural
    Benefit: URIRef  # class: benefit
    CareerCommunity: URIRef  # class: career community
    CareerPath: URIRef  # class: career path
    ClassificationCode: URIRef  # term: classification code
    Competency: URIRef  # class: competency
    CompetencyLink: URIRef  # class: competency link
    ComposedLabel: URIRef  # term: composed label
    Crosswalk: URIRef  # class: crosswalk
    CuratedLink: URIRef  # term: curated link
    Demotion: URIRef  # term: demotion
    Departure: URIRef  # term: departure
    Deployment: URIRef  # term: deployment
    DigitalTalentName: URIRef  # term: GC Digital Talent name
    DisclosureRule: URIRef  # class: disclosure rule
    EmploymentStatus: URIRef  # class: employment status
    Entry: URIRef  # term: entry
    EntryRoute: URIRef  # class: entry route
    Essential: URIRef  # term: essential
    ExecutiveAppointment: URIRef  # term: executive appointment
    ExecutiveTransition: URIRef  # term: executive transition
    Expertise: URIRef  # class: expertise
    FunctionalArea: URIRef  # class: functional area
    Inferred: URIRef  # term: inferred
    Intermediate: URIRef  # term: intermediate
    JobTemplate: URIRef  # class: job template
    KeywordMatch: URIRef  # term: keyword match
    LabelMatch: URIRef  # term: label match
    LateralMove: URIRef  # term: lateral move
    Lead: URIRef  # term: lead
    Level: URIRef  # class: level
    LinkMethod: URIRef  # class: link method
    NameMatch: URIRef  # term: name match
    ObservedDataset: URIRef  # class: observed data set
    ObservedFlow: URIRef  # class: observed flow
    OccupationalGroup: URIRef  # class: occupational group
    OfficialTerm: URIRef  # term: official term
    Organisation: URIRef  # class: organisation
    OwnTranslation: URIRef  # term: own translation
    PathChange: URIRef  # term: path change
    PayRange: URIRef  # class: pay range
    PayScale: URIRef  # class: pay scale
    Pilot: URIRef  # class: pilot
    Position: URIRef  # class: position
    Program: URIRef  # class: program
    Progression: URIRef  # class: progression
    ProgressionKind: URIRef  # class: progression kind
    ProjectedStock: URIRef  # class: projected stock
    Projection: URIRef  # class: workforce projection
    Promotion: URIRef  # term: promotion
    QualificationStandard: URIRef  # class: qualification standard
    ReportingRelationship: URIRef  # class: reporting relationship
    RequirementType: URIRef  # class: requirement type
    Responsibility: URIRef  # class: responsibility
    Role: URIRef  # class: role
    RuleBased: URIRef  # term: allowed by a rule
    Skill: URIRef  # class: skill
    SkillCategory: URIRef  # class: skill category
    SkillFamily: URIRef  # class: skill family
    SkillLevel: URIRef  # class: skill level
    SkillLink: URIRef  # class: skill link
    SkillRequirement: URIRef  # class: skill requirement
    SourceDocument: URIRef  # class: source document
    Specialisation: URIRef  # class: specialisation
    SpecialisationMove: URIRef  # term: specialisation
    StaffingRule: URIRef  # class: staffing rule
    Stated: URIRef  # term: stated
    Team: URIRef  # class: team
    Technical: URIRef  # term: technical
    Transition: URIRef  # class: transition
    TranslationSource: URIRef  # class: translation source
    WorkStream: URIRef  # class: work stream
    abbreviation: URIRef  # term: abbreviation
    allowedBy: URIRef  # term: allowed by
    appliesToLevel: URIRef  # term: applies to level
    assumes: URIRef  # term: assumes
    atLevel: URIRef  # term: at level
    audience: URIRef  # term: audience
    basis: URIRef  # term: basis
    benefitOf: URIRef  # term: benefit of
    checksum: URIRef  # term: checksum
    commit: URIRef  # term: commit
    community: URIRef  # term: community
    competencyLink: URIRef  # term: competency link
    condition: URIRef  # term: condition
    cost: URIRef  # term: cost
    count: URIRef  # term: count
    coversAll: URIRef  # term: covers
    coversLevel: URIRef  # term: covers level
    curatedCompetency: URIRef  # term: curated competency
    curatedSkill: URIRef  # term: curated skill
    dateNote: URIRef  # term: date note
    effectiveDate: URIRef  # term: effective date
    evidence: URIRef  # term: evidence
    excludedSkill: URIRef  # term: excluded skill
    exclusionReason: URIRef  # term: exclusion reason
    focus: URIRef  # term: focus
    foundInStream: URIRef  # term: found in stream
    frenchLabelDocument: URIRef  # term: French label document
    frenchLabelEvidence: URIRef  # term: French label evidence
    frenchLabelSource: URIRef  # term: French label source
    fromState: URIRef  # term: from
    governsKind: URIRef  # term: governs kind
    hasExpertise: URIRef  # term: has expertise
    hasFunctionalArea: URIRef  # term: has functional area
    hasLevel: URIRef  # term: has level
    hasResponsibility: URIRef  # term: has responsibility
    hasRole: URIRef  # term: has role
    hasSpecialisation: URIRef  # term: has specialisation
    inProjection: URIRef  # term: in projection
    inStream: URIRef  # term: in stream
    intervalCoverage: URIRef  # term: interval coverage
    keyQuote: URIRef  # term: key quote
    keyword: URIRef  # term: keyword
    launched: URIRef  # term: launched
    levelStated: URIRef  # term: level stated
    linkMethod: URIRef  # term: link method
    linkedCompetency: URIRef  # term: linked competency
    linkedSkill: URIRef  # term: linked skill
    localCopy: URIRef  # term: local copy
    lowerBound: URIRef  # term: lower bound
    mappingRelation: URIRef  # term: mapping relation
    mapsFrom: URIRef  # term: maps from
    mapsTo: URIRef  # term: maps to
    matchedText: URIRef  # term: matched text
    maximumSalary: URIRef  # term: maximum salary
    median: URIRef  # term: median
    minimumEducation: URIRef  # term: minimum education
    minimumSalary: URIRef  # term: minimum salary
    missingSkill: URIRef  # term: missing skill
    nextLevel: URIRef  # term: next level
    occupationalGroup: URIRef  # term: occupational group
    onPath: URIRef  # term: on path
    order: URIRef  # term: order
    paidAtRateOf: URIRef  # term: paid at the rate of
    parameterName: URIRef  # term: parameter name
    parameterValue: URIRef  # term: parameter value
    partOfProgram: URIRef  # term: part of program
    payRangeOf: URIRef  # term: pay range of
    payScale: URIRef  # term: pay scale
    progressionKind: URIRef  # term: progression kind
    qualificationStandard: URIRef  # term: qualification standard
    quote: URIRef  # term: quote
    rank: URIRef  # term: rank
    referenceId: URIRef  # term: reference id
    relationship: URIRef  # term: relationship
    representedBy: URIRef  # term: represented by
    requiredLevel: URIRef  # term: required level
    requiredSkill: URIRef  # term: required skill
    requirementType: URIRef  # term: requirement type
    requiresCompetency: URIRef  # term: requires competency
    requiresSkill: URIRef  # term: requires skill
    respondsTo: URIRef  # term: responds to
    retrieved: URIRef  # term: retrieved
    ruleOf: URIRef  # term: rule of
    runBy: URIRef  # term: run by
    score: URIRef  # term: score
    seed: URIRef  # term: seed
    sharedCompetency: URIRef  # term: shared competency
    simulations: URIRef  # term: simulations
    skillCategory: URIRef  # term: skill category
    skillLink: URIRef  # term: skill link
    skillRequirement: URIRef  # term: skill requirement
    sourceKey: URIRef  # term: key in the source
    sourceSection: URIRef  # term: source section
    subItemOf: URIRef  # term: sub-item of
    subordinate: URIRef  # term: subordinate
    superior: URIRef  # term: superior
    supervisoryStatus: URIRef  # term: supervisory status
    synthetic: URIRef  # term: synthetic
    talentWorkStream: URIRef  # term: Digital Talent work stream
    templateFor: URIRef  # term: template for
    temporary: URIRef  # term: temporary
    toState: URIRef  # term: to
    upperBound: URIRef  # term: upper bound
    year: URIRef  # term: year
