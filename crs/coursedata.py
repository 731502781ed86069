"""The course data a built page carries for its code: a core on every page (progress in the
navigation), and the detail only the pages whose bundle reads it get (overrides/main.html;
overrides/crs/model.js merges the two)."""

from __future__ import annotations

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from crs.model import CourseModel

# What a page bundle's code reads of the course model beyond the core every page carries
# (progress_core): these lesson fields, or None for the whole summary. lessons and
# home: the objective ticks (the objectives' text is on the page, and the home's "Continue"
# line takes the lesson's title from its lesson list); workspace, assignment: titles, prompts
# and quiz titles for reports and exports. Other pages (tutor ones too) read ids only.
COURSE_DETAIL: dict[str, tuple[str, ...] | None] = {
    "lessons": ("objective_links",),
    "home": ("objective_links",),
    "workspace": None,
    "assignment": None,
}


def course_data(the_model: CourseModel) -> tuple[dict, dict[str, dict]]:
    """(the core every page carries, each page bundle's detail by bundle name)."""
    summary = the_model.summary()
    details = {name: detail(summary, fields) for name, fields in COURSE_DETAIL.items()}
    return progress_core(summary), details


def template_globals(the_model: CourseModel) -> dict:
    """What overrides/main.html writes of the course: the core as data (the module home reads
    it) and as JSON, and each bundle's detail as JSON. Serialised once a build rather than on
    every page: the data grows with the course, so per page it made the build quadratic in the
    number of lessons."""
    core, details = course_data(the_model)
    return {
        "crs_course": core,
        "crs_course_json": page_json(core),
        "crs_course_detail_json": {name: page_json(value) for name, value in details.items()},
    }


def progress_core(summary: dict) -> dict:
    """The part of the summary every page carries (its <script id="crs-course">): what progress
    in the navigation and the emergency export read. Titles, objectives and prompt texts go only
    to the pages whose code reads them (COURSE_DETAIL), so a page without a quiz or a
    prompt stays within a few hundred bytes of a plain Material page."""
    return {
        "course": summary["course"],
        "version": summary["version"],
        "lessons": [
            {
                "page": lesson["page"],
                "url": lesson["url"],
                "reflections": [{"id": r["id"]} for r in lesson["reflections"]],
                "quizzes": [
                    {"id": q["id"], "questions": q["questions"]} for q in lesson["quizzes"]
                ],
            }
            for lesson in summary["lessons"]
        ],
    }


def detail(summary: dict, fields: tuple[str, ...] | None) -> dict:
    """What a page adds to the core: each lesson's `fields` (in lesson order), or the whole
    summary when fields is None. The browser merges it over the core (overrides/crs/model.js)."""
    if fields is None:
        return summary
    return {"lessons": [{name: lesson[name] for name in fields} for lesson in summary["lessons"]]}


def page_json(data) -> Markup:
    """`data` as JSON for a page: as Jinja's tojson writes it, escaped alike for a <script> and a
    single-quoted attribute, without its spaces after , and :, which every page would carry."""
    return htmlsafe_json_dumps(data, separators=(",", ":"))
