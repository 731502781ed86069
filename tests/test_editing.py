"""Editing notes (crs/editing.py): written as `/// editor` blocks and `note` fields, kept out of
every learner page, the learner PDF and the search index, and collected with a link to where each
applies in the tutor guide's and the tutor PDF's "Notes on the text"."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from htmlpages import page_refs

from crs import course, editing, model
from crs.bibliography import Reference
from crs.errors import Faults

# What the first edition showed learners: editing notes in the text (issue 13, defect 5).
SHOWN_TO_LEARNERS_BEFORE = (
    "Wording repaired",
    "Restored labels",
    "could not be checked",
    "Link missing in the source",
    "link missing in the source",
    "entry title missing in the source",
    "Note:",
)


def words(markup: str) -> str:
    body = re.sub(r"<script\b.*?</script>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def phrase(note: editing.EditingNote) -> str:
    """The first words of a note as a reader sees them (Markdown marks and links dropped)."""
    text = re.sub(r"\[-?@[^\]]*\]", "", note.markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(re.sub(r"[*_`]", "", text).split()[:7])


@pytest.fixture(scope="session")
def state():
    return model.load(ROOT)


def learner_pages(site_dir: Path) -> list[Path]:
    return [p for p in site_dir.glob("*.html")]


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True)
    return " ".join(out.stdout.decode("utf-8").replace("\u2010\n", "").split())


def test_the_course_has_editing_notes_to_collect(state):
    assert state.editing_notes, "references.yml and activities.yml carry `note` fields"


def test_every_editing_note_is_in_the_guide_linked_to_where_it_applies(state, site_dir):
    guide_path = site_dir / "tutor" / "index.html"
    guide = guide_path.read_text(encoding="utf-8")
    section = guide.split('id="notes-on-the-text"', 1)[1]
    text = words(section)
    for note in state.editing_notes:
        assert phrase(note) in text, note
        href = "../" + note.target
        assert f'href="{href}"' in section, href
        page, _, anchor = note.target.partition("#")
        target = site_dir / page
        assert target.is_file(), note.target
        if anchor:
            assert anchor in page_refs(target).ids, note.target


def test_no_learner_page_shows_an_editing_note(state, site_dir):
    for path in learner_pages(site_dir):
        text = words(path.read_text(encoding="utf-8"))
        for note in state.editing_notes:
            assert phrase(note) not in text, (path.name, note.where)


def test_no_learner_page_or_search_entry_carries_first_edition_editing_notes(site_dir):
    """Expected to pass once the second-edition content (notes moved into `/// editor` blocks
    and `note` fields) is merged: it scans the real site."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    learner_entries = [d for d in index["docs"] if not d["location"].startswith("tutor/")]
    found = []
    for path in learner_pages(site_dir):
        text = words(path.read_text(encoding="utf-8"))
        found += [(path.name, p) for p in SHOWN_TO_LEARNERS_BEFORE if p in text]
    for doc in learner_entries:
        text = words(doc["title"] + " " + doc["text"])
        found += [(f"search: {doc['location']}", p) for p in SHOWN_TO_LEARNERS_BEFORE if p in text]
    assert not found, found


def test_the_learner_pdf_has_no_editing_note_and_the_tutor_pdf_lists_them(state, site_dir):
    learner = pdf_text(next((site_dir / "downloads").glob("*-learner.pdf")))
    tutor = pdf_text(next((site_dir / "downloads").glob("*-tutor.pdf")))
    assert "Notes on the text" not in learner and "Notes on the text" in tutor
    for note in state.editing_notes:
        assert phrase(note) not in learner, note.where
        assert phrase(note) in tutor, note.where
    for old in SHOWN_TO_LEARNERS_BEFORE[3:6]:
        assert old not in learner, old


def test_an_editor_block_is_collected_with_the_section_it_is_in(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "lesson.md").write_text(
        "---\ntitle: A lesson\n---\nIntro.\n\n## The cuts scenario\n\nText.\n\n"
        "/// editor\nThe second sentence was *repaired*.\n///\n\n"
        "## Other part {#other}\n\n/// editor\nLabels restored.\n///\n",
        encoding="utf-8",
    )
    the_course = course.load_course(docs, ["lesson.md"], {"editor"}, Faults())
    csl = {
        "type": "motion_picture",
        "author": [{"literal": "Someone"}],
        "issued": {"date-parts": [[2020]]},
    }
    ref = Reference("lost", csl, link_missing=True, note="Ask.")
    notes = editing.collect(the_course, {"lost": ref}, {}, docs)
    assert [(n.markdown, n.target, n.where) for n in notes] == [
        (
            "The second sentence was *repaired*.",
            "lesson.html#the-cuts-scenario",
            "A lesson › The cuts scenario",
        ),
        ("Labels restored.", "lesson.html#other", "A lesson › Other part"),
        (
            "The source gives no title for this entry.",
            "references.html#lost",
            "References › Someone, 2020",
        ),
        (
            "The source gives no address for this entry.",
            "references.html#lost",
            "References › Someone, 2020",
        ),
        ("Ask.", "references.html#lost", "References › Someone, 2020"),
    ]
