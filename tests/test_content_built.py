"""The seed's points as the learner gets them: checked in the built HTML of the right page."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from test_content import COVERAGE, DAMAGED, LESSONS, PAGES

_DROP = re.compile(r"<(script|style|template)\b.*?</\1>", flags=re.S)


def built_text(site_dir, page: str) -> str:
    """The visible text of a built page's article, whitespace collapsed."""
    raw = (site_dir / page.replace(".md", ".html")).read_text(encoding="utf-8")
    article = raw.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    text = re.sub(r"<[^>]+>", " ", _DROP.sub(" ", article))
    text = html.unescape(text).replace("\u00b6", " ")
    return " ".join(re.sub(r"\s+([,.;:)'\u2019])", r"\1", text).split())


@pytest.fixture(scope="module")
def texts(site_dir) -> dict[str, str]:
    return {page: built_text(site_dir, page) for page in PAGES}


@pytest.mark.parametrize(("page", "phrase"), COVERAGE, ids=lambda v: str(v)[:60])
def test_seed_point_is_in_the_built_page(texts, page, phrase):
    wanted = " ".join(re.sub(r"\s+([,.;:)'\u2019])", r"\1", phrase).split())
    assert wanted in texts[page], f"{page} lacks: {phrase}"


@pytest.mark.parametrize("page", PAGES)
def test_no_known_damage_in_the_built_page(texts, page):
    found = [p.pattern for p in DAMAGED if p.pattern != r"^\s*\d+\s*$" and p.search(texts[page])]
    assert found == [] and "LINK" not in texts[page].split()


class _Table(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = False
        self.cells: list[tuple[str, dict]] = []
        self.caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.inside = True
        elif self.inside and tag in ("th", "td"):
            self.cells.append((tag, dict(attrs)))
        elif self.inside and tag == "caption":
            self.caption = True

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False


def test_matrix_is_a_table_with_nine_cells_and_scoped_headers(site_dir):
    table = _Table()
    table.feed((site_dir / "levels.html").read_text(encoding="utf-8"))
    data_cells = [attrs for tag, attrs in table.cells if tag == "td"]
    headers = [attrs.get("scope") for tag, attrs in table.cells if tag == "th"]
    assert len(data_cells) == 9 and table.caption
    assert headers.count("col") >= 3 and headers.count("row") == 3


def test_glossary_terms_carry_tooltips_in_lessons(site_dir):
    with_tooltips = [
        page
        for page in LESSONS
        if re.search(r'<abbr title="[^"]+">', (site_dir / page.replace(".md", ".html")).read_text())
    ]
    assert with_tooltips == LESSONS


def test_citations_link_to_their_bibliography_entry(site_dir):
    page = (site_dir / "definitions.html").read_text(encoding="utf-8")
    assert re.search(
        r'<a href="references.html#boyle-harris-2009">Boyle and Harris, 2009, p. 11</a>', page
    )
