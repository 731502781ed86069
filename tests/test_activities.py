"""Read/Watch activities: loading against the bibliography, and the card a lesson shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crs.activities import Activity, load_activities, render_activity
from crs.bibliography import Reference, load_references
from crs.errors import CourseError

ROOT = Path(__file__).parent.parent

REFS = {
    "dossier": Reference(
        id="dossier",
        type="report",
        authors=("Stott, Leda",),
        year=2018,
        title="Co-production",
        url="https://example.org/dossier.pdf",
    ),
    "lost-video": Reference(
        id="lost-video", type="video", authors=(), year=None, title="Ladder", link_missing=True
    ),
    "article": Reference(
        id="article", type="article", authors=("A, B",), year=2020, title="T", doi="10.1/x"
    ),
}

GOOD = """\
- id: read-dossier
  type: read
  title: "Enhancing the role of citizens"
  pages: "4-7"
  reference: dossier
  note: "The address could not be checked."
- id: watch-ladder
  type: watch
  title: "The ladder of co-production"
  duration: 5
  reference: lost-video
- id: read-article
  type: read
  title: "An article"
  pages: 8
  reference: article
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "activities.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def activities(tmp_path) -> dict[str, Activity]:
    return load_activities(write(tmp_path, GOOD), REFS)


def test_activities_load_with_pages_or_duration(activities):
    assert list(activities) == ["read-dossier", "watch-ladder", "read-article"]
    assert activities["read-dossier"].pages == "4\u20137"
    assert activities["watch-ladder"].duration == 5 and activities["watch-ladder"].pages == ""
    assert activities["read-article"].pages == "8"


def test_the_project_activities_load_against_the_project_bibliography():
    refs = load_references(ROOT / "docs/_data/references.yml")
    activities = load_activities(ROOT / "docs/_data/activities.yml", refs)
    assert set(activities) == {
        "read-wales-catalogue",
        "watch-social-model-of-disability",
        "read-enhancing-role-of-citizens",
        "watch-ladder-of-coproduction",
    }


def _entry(**fields: object) -> str:
    base: dict[str, object] = {
        "id": "read-x",
        "type": "read",
        "title": '"T"',
        "reference": "dossier",
    }
    base.update(fields)
    lines = [f"- {k}: {v}" if i == 0 else f"  {k}: {v}" for i, (k, v) in enumerate(base.items())]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_entry(minutes=4), r":5: expected one of the fields .*; found unknown field 'minutes'"),
        (
            "- id: read-x\n  type: read\n  title: T\n",
            r":1: expected a field 'reference', found none",
        ),
        (_entry(title='""'), r":3: expected a non-empty text 'title', found an empty string"),
        (_entry(id="Read_X"), r":1: expected an id in lower-case kebab-case .*found 'Read_X'"),
        (_entry(type="listen"), r":2: expected 'type' to be read or watch, found 'listen'"),
        (
            _entry(reference="nope"),
            r":4: expected 'reference' to be an id from references.yml, found unknown id 'nope'",
        ),
        (_entry(pages='"pp. 4 to 7"'), r":5: expected 'pages' like '14-16' or '8', found 'pp. 4"),
        (_entry(duration=4), r":5: expected 'pages' for a read activity, found 'duration'"),
        (
            _entry(type="watch", pages='"4-7"'),
            r":5: expected 'duration' for a watch activity, found 'pages'",
        ),
        (
            _entry(type="watch"),
            r":1: expected 'duration' in whole minutes \(like 4\), found nothing",
        ),
        (
            _entry(type="watch", duration='"4 mins"'),
            r":5: expected 'duration' in whole minutes \(like 4\), found '4 mins'",
        ),
        (_entry(note="[a]"), r":5: expected 'note' to be text, found a list"),
        (
            _entry() + _entry(),
            r":5: expected each id once, found 'read-x' again \(first at line 1\)",
        ),
    ],
)
def test_bad_entries_name_file_line_expected_and_found(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(CourseError) as err:
        load_activities(path, REFS)
    assert str(err.value).startswith(str(path))
    assert re.search(message, str(err.value)), str(err.value)


def test_card_links_the_resource_and_shows_pages(activities):
    html = render_activity(activities["read-dossier"], REFS)
    assert 'class="crs-activity crs-activity--read"' in html
    assert 'data-crs-activity="read-dossier"' in html
    assert '<a href="https://example.org/dossier.pdf">Enhancing the role of citizens</a>' in html
    assert "pages 4\u20137" in html
    # The note is an editing note for tutors (crs/editing.py), never on the learner's card.
    assert "The address could not be checked." not in html and "Link missing" not in html


def test_card_for_a_lost_link_shows_no_link_and_no_editing_note(activities):
    html = render_activity(activities["watch-ladder"], REFS)
    assert "<a " not in html and "missing" not in html.lower()
    assert "5 min" in html and "Watch" in html and "LINK" not in html


def test_card_uses_the_doi_when_there_is_one(activities):
    html = render_activity(activities["read-article"], REFS)
    assert 'href="https://doi.org/10.1/x"' in html and "page 8" in html


def test_card_can_link_the_full_reference(activities):
    html = render_activity(activities["read-article"], REFS, references_href="references.html#a")
    assert '<a href="references.html#a">Full reference</a>' in html


def test_card_markup_stays_in_the_crs_namespace_without_inline_style_or_script(activities):
    for activity in activities.values():
        html = render_activity(activity, REFS)
        classes = " ".join(re.findall(r'class="([^"]+)"', html)).split()
        assert classes and all(c.startswith("crs-") for c in classes)
        assert "style=" not in html and "<script" not in html and "md-" not in html
