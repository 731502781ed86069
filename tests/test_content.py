"""Content coverage: every point of the seed reaches the learner, repaired, on the right page.

The checks read the Markdown sources now (includes resolved, reference and glossary markers
rendered as the build renders them). To check the built site instead, point `page_text` at the
HTML: the tables below (page, phrase) do not change.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from markdown.extensions.toc import slugify

from crs.activities import load_activities
from crs.bibliography import cited_keys, expand_citations, load_references, render_references
from crs.glossary import abbreviations, load_glossary, render_glossary

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = DOCS / "_data"
LESSONS = [
    "definitions.md",
    "models.md",
    "levels.md",
    "opportunities-challenges.md",
    "reflection.md",
]
PAGES = ["index.md", *LESSONS, "references.md", "glossary.md"]
INCLUDE_RE = re.compile(r"\{!(.+?)!\}")

REFERENCES = load_references(DATA / "references.yml")
TERMS = load_glossary(DATA / "glossary.yml")
ACTIVITIES = load_activities(DATA / "activities.yml", REFERENCES)


# ------------------------------------------------------------------ reading pages


def split_front_matter(text: str) -> tuple[dict, str]:
    match = re.match(r"^---\n(.*?)\n---\n", text, flags=re.S)
    if not match:
        return {}, text
    return yaml.safe_load(match.group(1)), text[match.end() :]


def page_source(page: str) -> str:
    """The page's Markdown body as the build sees it: includes resolved, markers rendered."""
    _, body = split_front_matter((DOCS / page).read_text(encoding="utf-8"))
    body = INCLUDE_RE.sub(lambda m: (DOCS / m.group(1)).read_text(encoding="utf-8").strip(), body)
    body = body.replace("<!-- crs:references -->", render_references(REFERENCES))
    body = body.replace("<!-- crs:glossary -->", render_glossary(TERMS))
    return body


def page_text(page: str) -> str:
    """Readable text of a page: no tags, quote markers or emphasis; whitespace collapsed."""
    text = page_source(page)
    text = re.sub(r"^ {0,3}> ?", "", text, flags=re.M)
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text).replace("**", "")
    return " ".join(text.split())


def has(page: str, phrase: str) -> bool:
    return " ".join(phrase.split()) in page_text(page)


# ------------------------------------------------------------------ the seed's points, page by page

BOYLE_HARRIS_11 = (
    "Co-production means delivering public services in an equal and reciprocal relationship "
    "between professionals, people using services, their families and their neighbours. Where "
    "activities are co-produced in this way, both services and neighbourhoods become far more "
    "effective agents of change."
)
BOYLE_HARRIS_12 = (
    "Co-production is central to the process of growing the core economy. It goes well beyond the "
    "idea of 'citizen engagement' or 'service user involvement' to foster the principle of equal "
    "partnership. It offers to transform the dynamic between the public and public service "
    "workers, putting an end to 'them' and 'us'. Instead, people pool different types of knowledge "
    "and skills, based on lived experience and professional learning."
)
REALPE_WALLACE_8 = (
    "Co-production is a process that literally turns service users from passive recipients into "
    "active shapers of public services, because it means involving all stakeholders, including "
    "the people who use a service, in the process of determining what services are delivered and "
    "how they operate."
)

COVERAGE: list[tuple[str, str]] = [
    # home
    ("index.md", BOYLE_HARRIS_11),
    # definitions: origins, Boyle and Harris, approach not method, core economy
    ("definitions.md", 'The term "co-production" finds its scholarly origins in the public sector'),
    ("definitions.md", "in the work of Nobel Prize winner Elinor Ostrom"),
    (
        "definitions.md",
        "other economists from the 1970s who studied collaboration between government departments "
        "and citizens",
    ),
    (
        "definitions.md",
        "effective service delivery was encouraged by collaboration between professional providers "
        "and service users, rather than central planning",
    ),
    (
        "definitions.md",
        "governments have (re)discovered the citizen as an important actor in the design, "
        "implementation, and monitoring of public policies and services",
    ),
    ("definitions.md", BOYLE_HARRIS_11),
    (
        "definitions.md",
        "Co-production is an approach to decision-making and service design rather than a "
        "specific method",
    ),
    (
        "definitions.md",
        "It rejects the traditional understanding of service users as dependents of public "
        "services",
    ),
    (
        "definitions.md",
        "redefines the service/user relationship as one of co-dependency and collaboration",
    ),
    (
        "definitions.md",
        "Just like users need the support from public services, so service providers need the "
        "insights and expertise of their users in order to make the right decisions and build "
        "effective services",
    ),
    (
        "definitions.md",
        "those who are affected by a service are not only consulted, but are part of the "
        "conception, design, steering, and management of services.",
    ),
    ("definitions.md", BOYLE_HARRIS_12),
    # models: Realpe and Wallace (repaired, flagged), two scenarios, individual/collective
    ("models.md", REALPE_WALLACE_8),
    ("models.md", "The cuts scenario uses substitutive co-production."),
    (
        "models.md",
        "Here the primary intention is to save money and/or reduce staff: the public sector hands "
        "responsibility for services over to service users and/or communities.",
    ),
    ("models.md", "The transformation scenario focuses on additive co-production."),
    (
        "models.md",
        "Here, public sector resources are combined with individual and community resources, "
        "providing new opportunities for participation and co-operation.",
    ),
    (
        "models.md",
        "On the whole, it is easy to spot the difference between individual co-production and "
        "collective co-production.",
    ),
    (
        "models.md",
        "Individual co-production describes those situations where a client or a customer, "
        "individually or in a group, participates in the production or part-production of the "
        "services they use, receiving 'benefits that are largely personal'.",
    ),
    (
        "models.md",
        "Collective co-production builds on the idea that co-production is not confined to users, "
        "but involves other types of people, such as citizens, volunteers or non-governmental "
        "partners.",
    ),
    (
        "models.md",
        "This type of co-production is designed to produce benefits for the entire community",
    ),
    # levels: the three tiers
    ("levels.md", "The extent of co-production varies but it can be organised into three tiers"),
    (
        "levels.md",
        "Co-production takes place at the stage of service delivery, as carers and people who use "
        "services collaborate to achieve results.",
    ),
    (
        "levels.md",
        "People using services make contributions at each stage of service provision but they are "
        "not involved in implementation.",
    ),
    (
        "levels.md",
        "Despite the awareness that care services cannot be produced without input from the people "
        "who use services, the compliance tier offers little opportunity for real change by or for "
        "the people who use services because it is about complying with an existing regime.",
    ),
    (
        "levels.md",
        "The intermediate level of co-production recognises and values the many people who come "
        "together to co-produce care services.",
    ),
    (
        "levels.md",
        "It acknowledges the input and value of service users, utilises existing support networks "
        "and improves channels for people to be involved in the shaping of services.",
    ),
    (
        "levels.md",
        "It may include new or more involved roles for users in the recruitment and training of "
        "professionals and managers.",
    ),
    (
        "levels.md",
        "Also it may see responsibilities being shared with the people who use services.",
    ),
    (
        "levels.md",
        "The most effective methods of co-production can transform services and create new "
        "relationships between the people who use them and staff.",
    ),
    (
        "levels.md",
        'This transformative level of co-production takes "a whole life focus", incorporating '
        "quality of life issues as well as simply clinical or service issues.",
    ),
    ("levels.md", "At this stage, the service user becomes an expert."),
    (
        "levels.md",
        "Professionals and people who use services and their carers come together to identify and "
        "manage risks.",
    ),
    ("levels.md", "There must be trust and respect on both sides."),
    (
        "levels.md",
        "To reach this stage there must be reallocation of power and control through user-led "
        "planning, delivery, management, empowerment and governance; collaboration must be "
        "entrenched.",
    ),
    ("levels.md", "It often requires organisational change."),
    # levels: the matrix, headers and cells
    ("levels.md", "Responsibility for design of services"),
    ("levels.md", "Responsibility for delivery of services"),
    ("levels.md", "Professionals as sole service planner"),
    ("levels.md", "Professionals and service users/community as co-planners"),
    ("levels.md", "No professional input into service planning"),
    ("levels.md", "Professionals as sole service deliverers"),
    ("levels.md", "Professionals and users/communities as co-deliverers"),
    ("levels.md", "Users/communities as sole deliverers"),
    ("levels.md", "Traditional professional service provision"),
    (
        "levels.md",
        "Professional service provision but users/communities involved in planning and design",
    ),
    ("levels.md", "User co-delivery of professionally designed services"),
    ("levels.md", "Full co-production"),
    ("levels.md", "User/community delivery of services with little formal/professional input"),
    ("levels.md", "User/community delivery of professionally planned services"),
    ("levels.md", "User/community delivery of co-planned or co-designed services"),
    ("levels.md", "Self-organised community provision"),
    ("levels.md", "Source: adapted from Bovaird"),
    (
        "levels.md",
        "Beyond Engagement and Participation: User and Community Co-production of Services",
    ),
    ("levels.md", "Carnegie UK Trust's Commission for Rural Community Development"),
    # opportunities and challenges: all five opportunities, every challenge with its label
    (
        "opportunities-challenges.md",
        "Added value: Co-production can access assets that were previously under-used and can also "
        "deliver greater satisfaction for people who use services.",
    ),
    (
        "opportunities-challenges.md",
        "Using the expertise of service users: Service users value approaches in which the "
        "professional assists them in achieving aims they have determined themselves. "
        "Co-productive approaches can also contribute to the development of mutual support systems "
        "which address issues before they become acute.",
    ),
    (
        "opportunities-challenges.md",
        "Practical skills: Some co-productive models, such as time banks where participants share "
        "skills and companionship, can provide practical advantages such as formal and informal "
        "skills and learning.",
    ),
    (
        "opportunities-challenges.md",
        "Health benefits and prevention: Co-production has been found to have a positive impact on "
        "health with a link found between time banks and reduced levels of hospitalisation. "
        "Certain co-production schemes could contribute to the wellbeing and prevention agenda in "
        "health and social care.",
    ),
    (
        "opportunities-challenges.md",
        "Social capital: Schemes that build supportive relationships and increase the confidence "
        "and activity of participants have positive benefits for social capital. In addition to "
        "the benefits felt by the users of services, service providers and the wider community can "
        "benefit from these approaches.",
    ),
    (
        "opportunities-challenges.md",
        "Management: Difficult to manage well when dealing with larger groups.",
    ),
    (
        "opportunities-challenges.md",
        "Risk of exclusion: Can appear exclusive and unrepresentative to those users/residents who "
        "are not invited to take part.",
    ),
    (
        "opportunities-challenges.md",
        "High involvement: Requires a considerable time commitment on the part of both "
        "professionals and participants.",
    ),
    (
        "opportunities-challenges.md",
        "Risk of marginalisation: It is possible that co-production schemes can sideline already "
        "marginalised groups, as there are limits to the extent that some people can co-produce "
        "without support. Issues of social exclusion, equality and diversity need to be taken into "
        "account. There is also an awareness that co-production should not be a method for "
        "governments to dump their problems on the community and service users.",
    ),
    (
        "opportunities-challenges.md",
        "Challenges to existing frameworks: Statutory authorities' tendency to risk aversion, as "
        "well as tax and benefit regulations, can create problems for co-productive initiatives. "
        "Also, accountability can be threatened as private and public, formal and informal, "
        "budgets that were previously separate become entwined.",
    ),
    (
        "opportunities-challenges.md",
        "Security and independence: There can be concerns about the long-term sustainability of "
        "projects as many co-production initiatives want to be independent, relying on funding "
        "that is often short-term and unstable.",
    ),
    (
        "opportunities-challenges.md",
        "Staff support: For co-production to work effectively staff and service users must be "
        "empowered. Some in the sector believe that this approach requires specific skills and new "
        "roles should be created for individuals who help staff overcome their unwillingness to "
        "share power with users. Even if this is not the case, there is a need for training and "
        "staff development to support co-productive approaches. There should be clear support for "
        "positive risk taking and staff should be encouraged to seek out opportunities for "
        "collaboration.",
    ),
    # reflection: the three questions (the first, a first impression, opens the module)
    ("definitions.md", "What is your first impression regarding how social policy is made?"),
    (
        "reflection.md",
        "What do you think is the potential to co-produce services where you live? Can you explain "
        "a co-production process where you participated, or one you know of?",
    ),
    (
        "reflection.md",
        "What would be the greatest challenge to get the different actors in your area to "
        "collaborate?",
    ),
    # references: key references, further readings and videos, sources
    ("references.md", "Key references"),
    ("references.md", "Co-production (4 mins)"),
    ("references.md", "What is Co-production"),
    ("references.md", "Co-production: A Manifesto for growing the core economy"),
    ("references.md", "Realizing Care Policies' Transformative Potential (4 mins)"),
    ("references.md", "Further readings and videos"),
    ("references.md", "Public Policies"),
    ("references.md", "Video series in Arabic with subtitles in English"),
    *[
        ("references.md", f"Episode {n}: {name}")
        for n, name in enumerate(
            [
                "Background",
                "Definition",
                "The making-of",
                "Actors",
                "Civil Society",
                "Analysis",
                "Targeting Youth",
                "Dynamics",
            ],
            start=1,
        )
    ],
    ("references.md", "Public Policy and Analysis (9 mins)"),
    ("references.md", "Re-thinking the Policy Making Process for today's needs (12 mins)"),
    ("references.md", "TEDxRugando"),
    ("references.md", "Care Policies: Realizing their Transformative Potential"),
    (
        "references.md",
        "Activating Citizens to Participate in Collective Co-Production of Public Services",
    ),
    ("references.md", "Van Ryzin"),
    (
        "references.md",
        "The Challenge of Co-production: How equal partnerships between professionals",
    ),
    ("references.md", "Understanding co-production as a new public governance tool"),
    ("references.md", "Coproduction during and after the COVID-19 Pandemic: Will It Last?"),
    ("references.md", "Sources"),
    ("references.md", "Civil Society and Nonprofits in the Age of New Public Governance"),
    ("references.md", "The Local Socioeconomic Effects of Gold Mining: Evidence from Ghana"),
    ("references.md", "State-Third Sector Partnerships"),
    ("references.md", "No More Throw-Away People: The Co-production Imperative"),
    ("references.md", "Interpreting the Notion of Civil Society"),
    ("references.md", "Proven practice: Co-production and adult social care"),
    ("references.md", "Evidence from Privatizations"),
    ("references.md", "Understanding Public Policy"),
    (
        "references.md",
        "Co-production: Enhancing the role of citizens in governance and service delivery",
    ),
    ("references.md", "Economic benefits of public services"),
    ("references.md", "Novelty, Adaptive Capacity, and Resilience"),
    ("references.md", "Allen, C.R. and Holling, C.S."),
    ("references.md", "Why public policies fail: Policymaking under complexity"),
    ("references.md", "Incentivizing blood donation"),
    ("references.md", "Crossing the Great Divide: Coproduction, Synergy, and Development"),
    ("references.md", "What is co-production?"),
    ("references.md", "Government-Nonprofit Cooperation: Anomaly or Necessity?"),
    ("references.md", "De-privatisation and remunicipalisation of urban services"),
    (
        "references.md",
        "Beyond Engagement and Participation: User and Community Coproduction of Public",
    ),
    ("references.md", "Link missing in the source."),
]

# Read/Watch activities: (page, activity id), in the seed's order.
ACTIVITY_USES = [
    ("definitions.md", "read-wales-catalogue"),
    ("definitions.md", "watch-social-model-of-disability"),
    ("models.md", "read-enhancing-role-of-citizens"),
    ("levels.md", "watch-ladder-of-coproduction"),
]

# Citations the seed makes (plus the matrix's published source): (page, key).
CITATIONS = [
    ("definitions.md", "ostrom-1996"),
    ("definitions.md", "boyle-harris-2009"),
    ("index.md", "boyle-harris-2009"),
    ("models.md", "realpe-wallace-2010"),
    ("models.md", "sorrentino-sicilia-howlett-2018"),
    ("levels.md", "communitycare-2009"),
    ("levels.md", "bovaird-carnegie-2006"),
    ("levels.md", "bovaird-2007"),
]

# Things the seed puts in an order that must survive: (page, earlier, later).
ORDER = [
    ("definitions.md", "finds its scholarly origins", "equal and reciprocal relationship"),
    ("definitions.md", "specific method", "growing the core economy"),
    ("models.md", "active shapers", "save money"),
    ("models.md", "save money", "public sector resources are combined"),
    ("models.md", "public sector resources are combined", "largely personal"),
    ("levels.md", "Compliance (descriptive)", "Support (intermediate)"),
    ("levels.md", "whole life focus", "the service user becomes an expert"),
    ("levels.md", "the service user becomes an expert", "Responsibility for design of services"),
    ("definitions.md", "first impression regarding how social policy is made", "scholarly origins"),
    ("reflection.md", "potential to co-produce", "greatest challenge"),
    ("references.md", "Key references", "Further readings and videos"),
]

HEADINGS = {
    "definitions.md": [
        "## Where the idea comes from",
        "## An equal and reciprocal relationship",
        "## An approach, not a method",
        "## Growing the core economy",
    ],
    "models.md": [
        "## From passive recipients to active shapers",
        "## Substitutive and additive co-production",
        "### The cuts scenario (substitutive co-production)",
        "### The transformation scenario (additive co-production)",
        "## Individual and collective co-production",
    ],
    "levels.md": [
        "## The three tiers",
        "### Compliance (descriptive)",
        "### Support (intermediate)",
        "### Transformation",
        "## Who designs, who delivers: the co-production matrix",
        "## The tiers and the matrix together",
    ],
    "opportunities-challenges.md": ["## Opportunities", "## Challenges", "## Weighing them up"],
    "reflection.md": ["## Questions for personal reflection"],
}

QUIZZES = {
    "definitions.md": "definitions",
    "models.md": "models",
    "levels.md": "levels",
    "opportunities-challenges.md": "opportunities-challenges",
    "reflection.md": "reflection-review",
}

# Extraction damage listed in content-notes that must not come back.
DAMAGED = [
    re.compile(r"\bLINK\b"),
    re.compile(r"services users"),
    re.compile(r"stakeholders\. involving"),
    re.compile(r"must entrenched"),
    re.compile(r"(?<!Van )Ryzin"),
    re.compile(r"The Challenges of Co-production"),
    re.compile(r"\\_"),
    re.compile(r"^\s*\d+\s*$", flags=re.M),  # a stray page number on a line of its own
    re.compile(r"formal/ professional"),
    re.compile(r"Holling, C\. and Allen"),
    re.compile(r"expertise of its users"),
    re.compile(r"•"),
]


# ------------------------------------------------------------------ tests


@pytest.mark.parametrize(("page", "phrase"), COVERAGE, ids=lambda v: str(v)[:60])
def test_seed_point_reaches_the_learner(page, phrase):
    assert has(page, phrase), f"{page} lacks: {phrase}"


@pytest.mark.parametrize(("page", "earlier", "later"), ORDER)
def test_seed_order_is_kept(page, earlier, later):
    text = page_text(page)
    assert earlier in text and later in text
    assert text.index(earlier) < text.index(later), f"{page}: '{earlier}' after '{later}'"


@pytest.mark.parametrize(("page", "activity_id"), ACTIVITY_USES)
def test_read_and_watch_activities_are_cards(page, activity_id):
    assert re.search(rf"^/// activity \| {activity_id}\n///$", page_source(page), flags=re.M)
    assert activity_id in ACTIVITIES


def test_every_activity_is_used_once_in_seed_order():
    used = []
    for page in PAGES:
        used += [(page, a) for a in re.findall(r"^/// activity \| (\S+)", page_source(page), re.M)]
    assert used == ACTIVITY_USES
    assert list(ACTIVITIES) == [a for _, a in ACTIVITY_USES]


@pytest.mark.parametrize(("page", "key"), CITATIONS)
def test_seed_citations_are_made(page, key):
    assert key in cited_keys(page_source(page))


@pytest.mark.parametrize("page", PAGES)
def test_every_citation_resolves(page):
    keys = cited_keys(page_source(page))
    assert keys <= set(REFERENCES), keys - set(REFERENCES)
    expand_citations(page_source(page), page, REFERENCES)  # raises on an unknown key


def test_every_bibliography_entry_renders_with_its_anchor():
    out = render_references(REFERENCES)
    for key, ref in REFERENCES.items():
        assert out.count(f'id="{key}"') == 1, key
        if ref.link_missing and not ref.links:
            entry = out.split(f'id="{key}"')[1].split("</li>\n<li")[0]
            assert "Link missing in the source." in entry, key


@pytest.mark.parametrize("page", PAGES)
def test_no_known_damage_remains(page):
    text = page_source(page)
    for pattern in DAMAGED:
        assert not pattern.search(text), f"{page}: {pattern.pattern}"


@pytest.mark.parametrize("path", ["references.yml", "glossary.yml", "activities.yml"])
def test_no_known_damage_in_the_data(path):
    text = (DATA / path).read_text(encoding="utf-8")
    for pattern in DAMAGED[:-2]:
        assert not pattern.search(text), f"{path}: {pattern.pattern}"


@pytest.mark.parametrize(("page", "headings"), HEADINGS.items())
def test_lesson_headings_used_as_quiz_anchors_exist(page, headings):
    lines = page_source(page).splitlines()
    for heading in headings:
        assert heading in lines, f"{page} lacks heading {heading!r}"


@pytest.mark.parametrize("page", LESSONS)
def test_lesson_front_matter_and_blocks(page):
    meta, body = split_front_matter((DOCS / page).read_text(encoding="utf-8"))
    assert set(meta) == {"title", "time", "objectives", "keypoints"}
    assert isinstance(meta["time"], int) and meta["time"] > 0
    assert meta["objectives"] and meta["keypoints"]
    assert not re.search(r"^# ", body, flags=re.M), "lessons have no H1: the template renders it"
    assert re.findall(r"^/// reflection \| (\S+)$", body, flags=re.M)
    assert re.findall(r"^/// quiz \| (\S+)$", body, flags=re.M) == [QUIZZES[page]]


@pytest.mark.parametrize("page", ["index.md", "references.md", "glossary.md"])
def test_other_pages_have_a_title_only(page):
    meta, body = split_front_matter((DOCS / page).read_text(encoding="utf-8"))
    assert set(meta) == {"title"}
    assert not re.search(r"^# ", body, flags=re.M)


def test_lesson_times_are_within_30_percent_of_the_estimate():
    from crs import model, timing

    course_model = model.load(ROOT)
    blocks = model.known_blocks(course_model.project)
    lessons = course_model.course
    assert timing.check_lesson_times(lessons, DOCS, blocks, course_model.activities) == []


def test_reflection_ids_are_unique_the_first_impression_opens_the_module_the_others_close_it():
    ids = []
    for page in PAGES:
        ids += re.findall(r"^/// reflection \| (\S+)$", page_source(page), flags=re.M)
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ids)
    opening = page_source("definitions.md").split("\n## ")[0]
    assert re.findall(r"^/// reflection \| (\S+)$", opening, flags=re.M) == [
        "first-impression-policy"
    ]
    section = page_source("reflection.md").split("## Questions for personal reflection")[1]
    section = section.split("\n## ")[0]
    assert re.findall(r"^/// reflection \| (\S+)$", section, flags=re.M) == [
        "potential-where-you-live",
        "greatest-challenge-collaborate",
    ]


def test_markers_for_lessons_references_and_glossary_are_placed():
    assert "<!-- crs:lessons -->" in (DOCS / "index.md").read_text()
    assert "<!-- crs:references -->" in (DOCS / "references.md").read_text()
    assert "<!-- crs:glossary -->" in (DOCS / "glossary.md").read_text()


class _TableParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append({"td": 0, "th": [], "caption": False, "rows": 0})
        elif self.tables and tag == "td":
            self.tables[-1]["td"] += 1
        elif self.tables and tag == "th":
            self.tables[-1]["th"].append(attrs.get("scope"))
        elif self.tables and tag == "caption":
            self.tables[-1]["caption"] = True


def test_matrix_is_an_accessible_three_by_three_table():
    parser = _TableParser()
    parser.feed(page_source("levels.md"))
    [table] = parser.tables
    assert table["td"] == 9 and table["caption"]
    assert table["th"].count("row") == 3
    assert table["th"].count("col") == 4 and table["th"].count("colgroup") == 1
    assert None not in table["th"]


def test_matrix_repairs_are_editing_notes_and_the_cell_reads_clean():
    text = page_text("levels.md")
    assert "[input]" not in text and "little formal/professional input" in text
    editing = "\n".join(
        re.findall(r"^/// editor\n(.*?)^///$", page_source("levels.md"), re.M | re.S)
    )
    assert 'the word "input" has been added' in " ".join(editing.split())
    assert "This cell repeats its row heading" in text


def test_editing_remarks_are_editor_blocks_not_learner_text():
    """Repairs and unchecked wording are told to tutors, never in learner text or footnotes.
    (Reference and activity notes are data, rendered elsewhere.)"""
    for page in ["index.md", *LESSONS]:
        source = page_source(page)
        learner = re.sub(r"^/// (editor|instructor)\n.*?^///$", "", source, flags=re.M | re.S)
        assert "/// note |" not in source, page
        assert not re.search(r"\[\^[^\]]+\]", learner), f"{page}: footnote in learner text"
        for phrase in ("could not be checked", "Wording repaired", "original module"):
            assert phrase not in learner, f"{page}: {phrase!r} in learner text"


def test_glossary_terms_point_at_real_headings_and_their_tooltips_are_used():
    lesson_text = {p: page_source(p) for p in LESSONS}
    for term in TERMS:
        assert term.page in lesson_text, term.id
        if term.anchor:
            slugs = {
                slugify(h.lstrip("#").strip(), "-")
                for h in re.findall(r"^#{2,3} .+$", lesson_text[term.page], flags=re.M)
            }
            assert term.anchor in slugs, f"{term.id}: no heading #{term.anchor} in {term.page}"
        for form in term.forms:
            # The abbr extension matches a form only on one line: a wrapped form gets no tooltip.
            assert any(form in text for text in lesson_text.values()), f"{term.id}: {form!r} unused"
            spaced = r"\s+".join(map(re.escape, form.split()))
            for page, text in lesson_text.items():
                for match in re.finditer(spaced, text):
                    assert "\n" not in match.group(0), f"{page}: {form!r} is wrapped over two lines"
    assert abbreviations(TERMS).count("\n") == sum(len(t.forms) for t in TERMS)


def test_the_issues_required_terms_are_in_the_glossary():
    ids = {t.id for t in TERMS}
    assert {
        "co-production",
        "core-economy",
        "substitutive-co-production",
        "additive-co-production",
        "individual-co-production",
        "collective-co-production",
        "compliance-tier",
        "support-tier",
        "transformation-tier",
        "full-co-production",
        "time-bank",
        "social-capital",
    } <= ids


def test_no_third_party_resources_in_markup():
    for page in PAGES:
        text = page_source(page)
        assert not re.search(r"<(iframe|img|script|link)\b", text), page
        assert "style=" not in text, page


def _questions():
    from crs import data

    return [q for quiz in data.quizzes(ROOT / "quizzes").values() for q in quiz.questions]


def test_quiz_keys_give_a_test_wise_learner_no_pattern():
    """Multiple-select questions vary in how many options are wrong; the key of a single-choice
    question is the longest option in at most half of them; no fill-in hint holds its answer."""
    from crs.questiontypes.fillin import normalize_answer

    questions = _questions()
    wrong_counts = {
        sum(not o.correct for o in q.options) for q in questions if q.type == "multiple"
    }
    assert len(wrong_counts) > 1, wrong_counts
    singles = [q for q in questions if q.type == "single"]
    longest = [
        q.id
        for q in singles
        for key in [next(o for o in q.options if o.correct)]
        if all(len(key.text) > len(o.text) for o in q.options if o is not key)
    ]
    assert len(longest) <= len(singles) / 2, longest
    for q in (q for q in questions if q.type == "fill-in"):
        hint = normalize_answer(q.feedback)
        assert not any(normalize_answer(a) in hint for a in q.answers), q.id


def test_every_question_practises_an_objective():
    linked = set()
    for page in LESSONS:
        meta, _ = split_front_matter((DOCS / page).read_text(encoding="utf-8"))
        for objective in meta["objectives"]:
            assert isinstance(objective, dict) and objective["practised_by"], (page, objective)
            linked |= set(objective["practised_by"])
    assert {q.id for q in _questions()} <= linked
