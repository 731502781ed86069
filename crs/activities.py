"""Read and Watch activities (docs/_data/activities.yml, checked against
docs/_data/schemas/activities.schema.json), so a tutor edits them in one place.

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

from crs import datafiles
from crs.bibliography import Reference
from crs.errors import CourseError
from crs.templating import render
from crs.yamlnodes import Entry

TYPES = {"read": "Read", "watch": "Watch"}
# Icons from the theme's own set (Material Design Icons), inlined as SVG: an emoji or icon font
# would show as an empty box where the reader's system lacks it.
ICONS = {"read": "book-open-page-variant-outline", "watch": "play-circle-outline"}
_WORDS = datafiles.entries_words(
    nouns={},
    hints={
        "title": "the title as the learner sees it",
        "reference": "an id from references.yml",
        "duration": "whole minutes, like 4",
    },
    patterns={
        "id": "lower-case kebab-case (like 'read-wales-catalogue')",
        "reference": "an id from references.yml",
        "pages": "like '14-16' or '8'",
    },
)


@dataclass(frozen=True)
class Activity:
    id: str
    type: str
    title: str
    reference: str
    pages: str = ""
    duration: int | None = None
    note: str = ""
    # Learner-facing: what to look for while reading or watching; on a card without an address,
    # what to search for to find the work.
    look_for: str = ""
    # Optional activities are offered, not assigned: they do not count in a lesson's time.
    optional: bool = False


def load_activities(path: Path, references: dict[str, Reference]) -> dict[str, Activity]:
    """Read and check activities.yml against the bibliography."""

    def build(path: Path, entry: Entry) -> Activity:
        return _activity(path, entry, references)

    items = datafiles.load_by_id(path, "activities", _WORDS, build)
    return {key: activity for key, (activity, _) in items.items()}


def _activity(path: Path, entry: Entry, references: dict[str, Reference]) -> Activity:
    values = entry.values
    if values["reference"] not in references:
        raise CourseError(
            path,
            entry.line_of("reference"),
            "expected 'reference' to be an id from references.yml, "
            f"found unknown id '{values['reference']}'",
        )
    if not references[values["reference"]].links and not values.get("look_for"):
        # A card with no address must still tell the learner how to find the work.
        raise CourseError(
            path,
            entry.line,
            f"expected 'look_for' (what the learner can search for), because reference "
            f"'{values['reference']}' has no address; found none",
        )
    return Activity(
        id=values["id"],
        type=values["type"],
        title=" ".join(values["title"].split()),
        reference=values["reference"],
        pages=re.sub(r"\s*[-\u2013]\s*", "\u2013", str(values.get("pages", "")).strip()),
        duration=values.get("duration"),
        note=" ".join(values.get("note", "").split()),
        look_for=" ".join(values.get("look_for", "").split()),
        optional=values.get("optional", False),
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
        note=activity.note,
        look_for=activity.look_for,
        optional=activity.optional,
        references_href=references_href or "",
    )
