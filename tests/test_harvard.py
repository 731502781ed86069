"""The Harvard (Cite Them Right) formatter: one hand-checked entry per CSL type the course uses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crs import bibexport, harvard
from crs.bibliography import load_references

SCHEMA = Path(__file__).parent.parent / "docs" / "_data" / "schemas" / "references.schema.json"

ARTICLE = {
    "type": "article-journal",
    "author": [{"family": "Allen", "given": "Craig R."}, {"family": "Holling", "given": "C. S."}],
    "issued": {"date-parts": [[2010]]},
    "title": "Novelty, Adaptive Capacity, and Resilience",
    "container-title": "Ecology and Society",
    "volume": "15",
    "issue": "3",
    "page": "24",
}
BOOK = {
    "type": "book",
    "author": [{"family": "Cahn", "given": "Edgar S."}],
    "issued": {"date-parts": [[2001]]},
    "title": "No More Throw-Away People",
    "publisher": "Essential Books",
    "publisher-place": "Washington DC",
}
CHAPTER = {
    "type": "chapter",
    "author": [{"family": "Cohen", "given": "J."}],
    "editor": [{"family": "Walzer", "given": "Michael"}],
    "issued": {"date-parts": [[1995]]},
    "title": "Interpreting the Notion of Civil Society",
    "container-title": "Toward a Global Civil Society",
    "publisher": "Berghahn",
    "publisher-place": "New York",
    "page": "35-40",
}
REPORT = {
    "type": "report",
    "author": [{"family": "Realpe", "given": "Alba"}, {"family": "Wallace", "given": "Louise M."}],
    "issued": {"date-parts": [[2010]]},
    "title": "What is co-production?",
    "publisher": "The Health Foundation",
    "publisher-place": "London",
}
WEBPAGE = {
    "type": "webpage",
    "author": [{"literal": "Community Care"}],
    "issued": {"date-parts": [[2009, 4, 14]]},
    "title": "Proven practice: Co-production & adult social care",
    "container-title": "communitycare.co.uk",
}
VIDEO = {"type": "motion_picture", "title": "The ladder of co-production (5 mins)"}
FOUR_AUTHORS = {
    "type": "article-journal",
    "author": [
        {"family": "Bovaird", "given": "Tony"},
        {"family": "Ryzin", "given": "Gregg G.", "non-dropping-particle": "Van"},
        {"family": "Loeffler", "given": "Elke"},
        {"family": "Parrado", "given": "Salvador"},
    ],
    "issued": {"date-parts": [[2015]]},
    "title": "Activating Citizens",
    "container-title": "Journal of Social Policy",
    "volume": "44",
    "issue": "1",
    "page": "1-23",
    "DOI": "10.1017/S0047279414000567",
}

# Written out by hand from Cite Them Right's Harvard examples, not from the formatter's output.
EXPECTED = [
    (
        ARTICLE,
        (),
        "Allen, C.R. and Holling, C.S. (2010) ‘Novelty, Adaptive Capacity, and Resilience’, "
        "<cite>Ecology and Society</cite>, 15(3), p. 24.",
    ),
    (
        BOOK,
        (),
        "Cahn, E.S. (2001) <cite>No More Throw-Away People</cite>. Washington DC: Essential Books.",
    ),
    (
        CHAPTER,
        (),
        "Cohen, J. (1995) ‘Interpreting the Notion of Civil Society’, in Walzer, M. (ed.) "
        "<cite>Toward a Global Civil Society</cite>. New York: Berghahn, pp. 35–40.",
    ),
    (
        REPORT,
        ("https://example.org/r.pdf",),
        "Realpe, A. and Wallace, L.M. (2010) <cite>What is co-production?</cite> "
        "London: The Health Foundation. Available at: "
        '<a class="crs-reference__link" href="https://example.org/r.pdf">https://example.org/r.pdf</a>.',
    ),
    (
        WEBPAGE,
        (),
        "Community Care (2009) <cite>Proven practice: Co-production &amp; adult social care</cite>."
        " communitycare.co.uk.",
    ),
    (VIDEO, (), "<cite>The ladder of co-production (5 mins)</cite> (no date) [Video]."),
    (
        FOUR_AUTHORS,
        ("https://doi.org/10.1017/S0047279414000567",),
        "Bovaird, T., Van Ryzin, G.G., Loeffler, E. and Parrado, S. (2015) ‘Activating Citizens’, "
        "<cite>Journal of Social Policy</cite>, 44(1), pp. 1–23. Available at: "
        '<a class="crs-reference__link" href="https://doi.org/10.1017/S0047279414000567">'
        "https://doi.org/10.1017/S0047279414000567</a>.",
    ),
]


@pytest.mark.parametrize(("csl", "links", "expected"), EXPECTED, ids=lambda v: str(v)[:30])
def test_each_type_renders_as_cite_them_right_sets_it_out(csl, links, expected):
    assert harvard.entry_html(csl, links) == expected


@pytest.mark.parametrize(
    ("csl", "page", "year_only", "expected"),
    [
        (BOOK, None, False, "Cahn, 2001"),
        (ARTICLE, "24", False, "Allen and Holling, 2010, p. 24"),
        (REPORT, "8-9", False, "Realpe and Wallace, 2010, pp. 8–9"),
        (
            {**REPORT, "author": [*REPORT["author"], {"family": "Three"}]},
            None,
            False,
            "Realpe, Wallace and Three, 2010",
        ),
        (FOUR_AUTHORS, None, False, "Bovaird et al., 2015"),
        (VIDEO, None, False, "The ladder of co-production (5 mins), no date"),
        (BOOK, "12", True, "2001, p. 12"),
    ],
)
def test_citations_in_the_text(csl, page, year_only, expected):
    assert harvard.citation(csl, page, year_only) == expected


def test_a_missing_title_is_said():
    csl = {"type": "chapter", "author": [{"family": "Weir", "given": "M."}]}
    assert harvard.entry_html(csl) == "Weir, M. (no date) [entry title missing in the source]."


def test_every_type_the_schema_allows_has_a_form_and_a_bibtex_type():
    allowed = json.loads(SCHEMA.read_text())["$defs"]["reference"]["properties"]["type"]["enum"]
    assert set(allowed) == set(harvard.FORMS) == set(bibexport.BIBTEX_TYPES)


def test_the_built_references_page_shows_every_entry_as_formatted(site_dir):
    page = (site_dir / "references.html").read_text(encoding="utf-8")
    for ref in load_references(SCHEMA.parent.parent / "references.yml").values():
        assert str(harvard.entry_html(ref.csl, ref.links)) in page, ref.id
    assert '<p class="crs-references__downloads">' in page
