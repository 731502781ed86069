"""Notes on the text: what the people who maintain and teach the course need to know about the
wording and the sources (a passage repaired, a quotation that could not be checked, an address
the source lost), kept out of learners' way and collected for the tutor guide and tutor PDF.

They are written in three places, each next to what it is about:

    /// editor ... ///              on a page (crs/blocks.py drops it from learner pages)
    note: in references.yml         about one bibliography entry
    note: in activities.yml         about one Read/Watch card

and a bibliography entry that lost its address or title in the source gets a note of its own.
Each note keeps where it applies as a site-relative link, so the guide and the PDF point there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from crs.bibliography import Reference, format_citation
from crs.course import Course, Page
from crs.grounding import page_sections

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?(?:[ \t]*\{[^}]*\})?[ \t]*$")


@dataclass(frozen=True)
class EditingNote:
    markdown: str
    target: str  # site-relative URL with its fragment: where the note applies
    where: str  # the same place in words: "Models of co-production › The cuts scenario"


def _page_notes(page: Page, docs_dir: Path) -> list[EditingNote]:
    if not page.editing_notes:
        return []
    lines = (docs_dir / page.src).read_text(encoding="utf-8").split("\n")
    sections = page_sections("\n".join(lines))
    title = page.title or page.src
    notes = []
    for note in page.editing_notes:
        # The innermost heading above the note: the section it is about.
        above = [s for s in sections if s.start < note.line]
        section = max(above, key=lambda s: s.start) if above else None
        if section is None:
            target, where = page.url, title
        else:
            heading = _HEADING.match(lines[section.start - 1])
            name = heading.group(1).strip() if heading else section.anchor
            target, where = f"{page.url}#{section.anchor}", f"{title} › {name}"
        notes.append(EditingNote(note.markdown, target, where))
    return notes


def _reference_notes(ref: Reference) -> list[EditingNote]:
    target = f"references.html#{ref.id}"
    where = f"References › {format_citation(ref)}"
    notes = []
    if not ref.title:
        notes.append(EditingNote("The source gives no title for this entry.", target, where))
    if ref.link_missing and not ref.links:
        notes.append(EditingNote("The source gives no address for this entry.", target, where))
    if ref.note:
        notes.append(EditingNote(ref.note, target, where))
    return notes


def collect(
    course: Course, references: dict[str, Reference], activities: dict, docs_dir: Path
) -> list[EditingNote]:
    """Every editing note of the course: page by page in nav order (each page's notes, then
    those of the activity cards on it), then the references in their file order."""
    notes: list[EditingNote] = []
    for page in course.pages:
        notes += _page_notes(page, docs_dir)
        for activity_id, _ in page.activity_uses:
            activity = activities.get(activity_id)
            if activity is not None and activity.note:
                target = f"{page.url}#activity-{activity.id}-title"
                where = f"{page.title or page.src} › {activity.title}"
                notes.append(EditingNote(activity.note, target, where))
    for ref in references.values():
        notes += _reference_notes(ref)
    return notes
