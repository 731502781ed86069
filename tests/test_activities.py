"""Read/Watch activities: loading against the bibliography, and the card a lesson shows."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from crs.activities import Activity, load_activities, render_activity
from crs.bibliography import Reference, load_references
from crs.errors import CourseError

ROOT = Path(__file__).parent.parent

REFS = {
    "dossier": Reference(
        id="dossier",
        csl={
            "type": "report",
            "author": [{"family": "Stott", "given": "Leda"}],
            "issued": {"date-parts": [[2018]]},
            "title": "Co-production",
            "URL": "https://example.org/dossier.pdf",
        },
    ),
    "lost-video": Reference(
        id="lost-video", csl={"type": "motion_picture", "title": "Ladder"}, link_missing=True
    ),
    "article": Reference(
        id="article",
        csl={"type": "article-journal", "author": [{"family": "A", "given": "B"}], "DOI": "10.1/x"},
    ),
}
SCHEMAS = ROOT / "docs" / "_data" / "schemas"

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
  optional: true
  look_for: "ladder of co-production video"
- id: read-article
  type: read
  title: "An article"
  pages: 8
  reference: article
"""


def write(tmp_path: Path, text: str) -> Path:
    """An activities.yml with the project's schema next to it, as in docs/_data/."""
    if not (tmp_path / "schemas").exists():
        shutil.copytree(SCHEMAS, tmp_path / "schemas")
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
        (
            _entry(minutes=4),
            r":5: entry 'read-x' has an unknown key 'minutes'; expected only: id, type, title",
        ),
        (
            "- id: read-x\n  type: read\n  title: T\n",
            r":1: entry 'read-x' of type 'read' is missing 'reference' \(expected an id from ",
        ),
        (_entry(title='""'), r":3: 'title' of entry 'read-x' must not be empty, found an empty"),
        (
            _entry(id="Read_X"),
            r":1: 'id' of entry 'Read_X' must be lower-case kebab-case .*found 'Read_X'",
        ),
        (
            _entry(type="listen"),
            r":2: entry 'read-x' has an unknown type 'listen'; expected one of: read, watch",
        ),
        (
            _entry(reference="nope"),
            r":4: expected 'reference' to be an id from references.yml, found unknown id 'nope'",
        ),
        (
            _entry(pages='"pp. 4 to 7"'),
            r":5: 'pages' of entry 'read-x' must be like '14-16' or '8', found 'pp. 4",
        ),
        (_entry(duration=4), r":5: entry 'read-x' of type 'read' cannot have 'duration'"),
        (
            _entry(type="watch", pages='"4-7"', duration=4),
            r":5: entry 'read-x' of type 'watch' cannot have 'pages'",
        ),
        (
            _entry(type="watch"),
            r":1: entry 'read-x' of type 'watch' is missing 'duration' \(expected whole minutes",
        ),
        (
            _entry(type="watch", duration='"4 mins"'),
            r":5: 'duration' of entry 'read-x' must be a whole number, found '4 mins'",
        ),
        (_entry(type="watch", duration=0), r":5: 'duration' of entry 'read-x' must be at least 1"),
        (_entry(note="[a]"), r":5: 'note' of entry 'read-x' must be text, found a list"),
        (_entry(look_for="[a]"), r":5: 'look_for' of entry 'read-x' must be text, found a list"),
        (_entry(optional='"yes"'), r":5: 'optional' of entry 'read-x' must be true or false"),
        (
            _entry(type="watch", duration=5, reference="lost-video"),
            r":1: expected 'look_for' \(what the learner can search for\), because reference "
            r"'lost-video' has no address; found none",
        ),
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
    assert "pages 4\u20137" in html and "The address could not be checked." in html
    assert "Link missing" not in html


def test_card_for_a_lost_link_says_so_instead_of_linking(activities):
    html = render_activity(activities["watch-ladder"], REFS)
    assert "<a " not in html and "Link missing in the source." in html
    assert "5 min" in html and "Watch" in html and "LINK" not in html


def test_card_without_an_address_is_optional_and_says_what_to_search_for(activities):
    ladder = activities["watch-ladder"]
    assert ladder.optional and ladder.look_for == "ladder of co-production video"
    html = render_activity(ladder, REFS)
    assert '<span class="crs-activity__optional">(optional)</span>' in html
    assert "To find it, search for: ladder of co-production video" in html


def test_card_with_an_address_is_required_and_has_no_search_hint(activities):
    dossier = activities["read-dossier"]
    assert not dossier.optional and dossier.look_for == ""
    html = render_activity(dossier, REFS)
    assert "optional" not in html and "search for" not in html


def test_card_uses_the_doi_when_there_is_one(activities):
    html = render_activity(activities["read-article"], REFS)
    assert 'href="https://doi.org/10.1/x"' in html and "page 8" in html


def test_card_shows_what_to_look_for(tmp_path):
    text = _entry(look_for='"Who decides <what>?"')
    activity = load_activities(write(tmp_path, text), REFS)["read-x"]
    assert activity.look_for == "Who decides <what>?"
    assert "Look for: Who decides &lt;what&gt;?" in render_activity(activity, REFS)


def test_card_can_link_the_full_reference(activities):
    html = render_activity(activities["read-article"], REFS, references_href="references.html#a")
    assert '<a href="references.html#a">Full reference</a>' in html


def test_card_markup_stays_in_the_crs_namespace_without_inline_style_or_script(activities):
    for activity in activities.values():
        html = render_activity(activity, REFS)
        classes = " ".join(re.findall(r'class="([^"]+)"', html)).split()
        assert classes and all(c.startswith("crs-") for c in classes)
        assert "style=" not in html and "<script" not in html and "md-" not in html
