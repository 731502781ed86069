"""Read and Watch activities (docs/_data/activities.yml), so a tutor edits them in one place.

activities.yml + references --load_activities--> {id: Activity}
Activity --render_activity--> an HTML card (crs/templates/activity.html) for
                              the "/// activity | <id>" block in a lesson
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import material
from markupsafe import Markup

from crs.bibliography import Reference
from crs.errors import CourseError
from crs.templating import render
from crs.yamlnodes import Entry, check_fields, describe, load_by_id

TYPES = {"read": "Read", "watch": "Watch"}
# Icons from the theme's own set (Material Design Icons), inlined as SVG: an emoji or icon font
# would show as an empty box where the reader's system lacks it.
ICONS = {"read": "book-open-page-variant-outline", "watch": "play-circle-outline"}
FIELDS = ("id", "type", "title", "pages", "duration", "reference", "note")
REQUIRED = ("id", "type", "title", "reference")
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PAGES_RE = re.compile(r"^\d+(?:\s*[-\u2013]\s*\d+)?$")


@dataclass(frozen=True)
class Activity:
    id: str
    type: str
    title: str
    reference: str
    pages: str = ""
    duration: int | None = None
    note: str = ""


def load_activities(path: Path, references: dict[str, Reference]) -> dict[str, Activity]:
    """Read and check activities.yml against the bibliography."""

    def build(path: Path, entry: Entry) -> Activity:
        return _activity(path, entry, references)

    return {key: activity for key, (activity, _) in load_by_id(path, build).items()}


def _activity(path: Path, entry: Entry, references: dict[str, Reference]) -> Activity:
    values = entry.values
    check_fields(path, entry, FIELDS, REQUIRED)
    for key in REQUIRED:
        value = values.get(key)
        if not isinstance(value, str) or not value.strip():
            raise CourseError(
                path,
                entry.line_of(key),
                f"expected a non-empty text '{key}', found {describe(value)}",
            )
    activity_id = values["id"].strip()
    if not _ID_RE.match(activity_id):
        raise CourseError(
            path,
            entry.line_of("id"),
            f"expected an id in lower-case kebab-case (like 'read-wales-catalogue'), "
            f"found '{activity_id}'",
        )
    kind = values["type"].strip()
    if kind not in TYPES:
        raise CourseError(
            path, entry.line_of("type"), f"expected 'type' to be read or watch, found '{kind}'"
        )
    reference = values["reference"].strip()
    if reference not in references:
        raise CourseError(
            path,
            entry.line_of("reference"),
            f"expected 'reference' to be an id from references.yml, found unknown id '{reference}'",
        )
    pages = values.get("pages", "")
    duration = values.get("duration")
    if kind == "read":
        if "duration" in values:
            raise CourseError(
                path,
                entry.line_of("duration"),
                "expected 'pages' for a read activity, found 'duration'",
            )
        if pages not in ("", None) and (
            isinstance(pages, bool) or not _PAGES_RE.match(str(pages).strip())
        ):
            raise CourseError(
                path,
                entry.line_of("pages"),
                f"expected 'pages' like '14-16' or '8', found {describe(pages)}",
            )
    else:
        if "pages" in values:
            raise CourseError(
                path,
                entry.line_of("pages"),
                "expected 'duration' for a watch activity, found 'pages'",
            )
        if isinstance(duration, bool) or not isinstance(duration, int) or duration <= 0:
            raise CourseError(
                path,
                entry.line_of("duration") if "duration" in values else entry.line,
                f"expected 'duration' in whole minutes (like 4), found {describe(duration)}",
            )
    note = values.get("note", "")
    if not isinstance(note, str):
        raise CourseError(
            path, entry.line_of("note"), f"expected 'note' to be text, found {describe(note)}"
        )
    return Activity(
        id=activity_id,
        type=kind,
        title=" ".join(values["title"].split()),
        reference=reference,
        pages=re.sub(r"\s*[-\u2013]\s*", "\u2013", str(pages or "").strip()),
        duration=duration if kind == "watch" else None,
        note=" ".join(note.split()),
    )


@cache
def icon_svg(activity_type: str) -> Markup:
    folder = Path(material.__file__).parent / "templates" / ".icons" / "material"
    return Markup((folder / f"{ICONS[activity_type]}.svg").read_text(encoding="utf-8"))


def render_activity(
    activity: Activity, references: dict[str, Reference], references_href: str | None = None
) -> str:
    """The HTML card: type, title (linked when the address is known), pages or duration.

    references_href, when given (e.g. '../references/#esf-2018-coproduction-dossier' as the
    page will be served), adds a link to the full bibliography entry.
    """
    ref = references[activity.reference]
    links = ref.links
    if activity.pages:
        extent = (
            f"pages {activity.pages}" if "\u2013" in activity.pages else f"page {activity.pages}"
        )
    elif activity.duration:
        extent = f"{activity.duration} min"
    else:
        extent = ""
    return render(
        "activity.html",
        id=activity.id,
        type=activity.type,
        verb=TYPES[activity.type],
        icon=icon_svg(activity.type),
        title=activity.title,
        extent=extent,
        href=links[0] if links else "",
        references_href=references_href or "",
    )
