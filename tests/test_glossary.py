"""The glossary: loading with file:line errors, the glossary page and the lesson tooltips."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest

from crs.errors import CourseError
from crs.glossary import Term, abbreviations, load_glossary, render_glossary

GOOD = """\
- id: time-bank
  term: time bank
  definition: >-
    A co-productive model in which participants
    share skills and companionship.
  page: opportunities-challenges.md
  anchor: opportunities
  forms: ["time banks"]
- id: core-economy
  term: core economy
  definition: "Growing it is central to co-production."
  page: definitions.md
  forms: ["core economy"]
- id: co-production
  term: co-production
  definition: "Delivering public services in an equal and reciprocal relationship."
  page: definitions.md
  forms: []
"""


SCHEMAS = Path(__file__).parent.parent / "docs" / "_data" / "schemas"


def write(tmp_path: Path, text: str) -> Path:
    """A glossary.yml with the project's schema next to it, as in docs/_data/."""
    if not (tmp_path / "schemas").exists():
        shutil.copytree(SCHEMAS, tmp_path / "schemas")
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def terms(tmp_path) -> list[Term]:
    return load_glossary(write(tmp_path, GOOD))


def test_terms_load_sorted_with_one_line_definitions(terms):
    assert [t.id for t in terms] == ["co-production", "core-economy", "time-bank"]
    bank = terms[2]
    assert bank.definition == (
        "A co-productive model in which participants share skills and companionship."
    )
    assert bank.href == "opportunities-challenges.md#opportunities"
    assert terms[1].href == "definitions.md"


def test_the_project_glossary_loads():
    terms = load_glossary(Path(__file__).parent.parent / "docs/_data/glossary.yml")
    assert {"core-economy", "full-co-production", "time-bank"} <= {t.id for t in terms}


def _entry(**fields: str) -> str:
    base = {"id": "x", "term": "x", "definition": '"d"', "page": "models.md"}
    base.update(fields)
    lines = [f"- {k}: {v}" if i == 0 else f"  {k}: {v}" for i, (k, v) in enumerate(base.items())]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            _entry(meaning='"m"'),
            r":5: entry 'x' has an unknown key 'meaning'; expected only: id, term, definition",
        ),
        (
            "- id: x\n  term: x\n  page: models.md\n",
            r":1: entry 'x' is missing 'definition' \(expected one paragraph of plain text\)",
        ),
        (_entry(definition='""'), r":3: 'definition' of entry 'x' must not be empty, found an"),
        (
            _entry(id="Time_Bank"),
            r":1: 'id' of entry 'Time_Bank' must be lower-case kebab-case .*found 'Time_Bank'",
        ),
        (
            _entry(page="models"),
            r":4: 'page' of entry 'x' must be a lesson file relative to docs/ .*found 'models'",
        ),
        (
            _entry(anchor='"#opportunities"'),
            r":5: 'anchor' of entry 'x' must be a heading slug",
        ),
        (_entry(forms='"time banks"'), r":5: 'forms' of entry 'x' must be a list, found 'time"),
        (_entry(anchor="[a]"), r":5: 'anchor' of entry 'x' must be text, found a list"),
        (
            _entry() + _entry(),
            r":5: expected each id once, found 'x' again \(first at line 1\)",
        ),
        (
            _entry(forms="[cuts]") + _entry(id="y", forms="[cuts]"),
            r":10: expected each tooltip form in one term only, found 'cuts' in 'y' "
            r"and in 'x' \(line 5\)",
        ),
    ],
)
def test_bad_entries_name_file_line_expected_and_found(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(CourseError) as err:
        load_glossary(path)
    assert str(err.value).startswith(str(path))
    assert re.search(message, str(err.value)), str(err.value)


def test_abbreviations_give_one_line_per_form(terms):
    assert abbreviations(terms) == (
        "*[core economy]: Growing it is central to co-production.\n"
        "*[time banks]: A co-productive model in which participants share skills and "
        "companionship.\n"
    )
    assert abbreviations([]) == ""


def test_abbreviations_become_tooltips_in_lesson_html(terms):
    html = markdown.markdown(
        "Time banks differ from time banks.\n\n" + abbreviations(terms), extensions=["abbr"]
    )
    assert html.count("<abbr") == 1
    assert '<abbr title="A co-productive model' in html and ">time banks</abbr>" in html


def test_glossary_page_anchors_each_term_and_links_its_lesson(terms):
    out = render_glossary(terms, titles={"definitions.md": "Definitions of co-production"})
    html = markdown.markdown(out, extensions=["md_in_html"])
    for term in terms:
        assert f'id="{term.id}"' in html
    assert '<a href="opportunities-challenges.md#opportunities">' in html
    assert ">Definitions of co-production</a>" in html
    assert ">Opportunities challenges</a>" in html  # falls back to the file name


def test_glossary_links_are_relative_to_the_glossary_page(terms):
    out = render_glossary(terms, src_path="resources/glossary.md")
    assert "(../definitions.md)" in out


def test_definitions_are_escaped(tmp_path):
    terms = load_glossary(write(tmp_path, _entry(definition='"<b>bold</b>"')))
    assert "<b>" not in render_glossary(terms)
