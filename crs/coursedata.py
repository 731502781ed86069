"""The course data a built page gives its code: a core every page loads (progress in the
navigation), and the detail only the pages whose bundle reads it load (overrides/main.html;
overrides/crs/model.js merges the two). Each is a script file of its own rather than JSON in
the page: the core grows with the course, and written into every page it made each page's
HTML (and the build) grow with the course too, while a file the browser keeps is fetched once."""

from __future__ import annotations

import hashlib
import json

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from crs.model import CourseModel

# What a page bundle's code reads of the course model beyond the core every page loads
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
    """(the core every page loads, each page bundle's detail by bundle name)."""
    summary = the_model.summary()
    details = {name: detail(summary, fields) for name, fields in COURSE_DETAIL.items()}
    return progress_core(summary), details


def course_scripts(the_model: CourseModel) -> tuple[dict, dict[str, str]]:
    """(what overrides/main.html writes of the course, the script files by URI). The globals
    are the core as data (the module home reads it), the URI of the core's script and each
    bundle's detail script by bundle name. A file is named by its content, so bundles with the
    same detail share one and a browser never pairs a cached file with a newer course."""
    core, details = course_data(the_model)
    files: dict[str, str] = {}

    def script_uri(data) -> str:
        text = data_script(data)
        uri = f"assets/crs/course-{hashlib.sha256(text.encode()).hexdigest()[:10]}.js"
        files[uri] = text
        return uri

    made = {
        "crs_course": core,
        "crs_course_script": script_uri(core),
        "crs_course_detail_script": {name: script_uri(value) for name, value in details.items()},
    }
    return made, files


def progress_core(summary: dict) -> dict:
    """The part of the summary every page loads (its script #crs-course): what progress in the
    navigation and the emergency export read. Titles, objectives and prompt texts go only to
    the pages whose code reads them (COURSE_DETAIL), so that the file every page loads first
    stays small."""
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


DATA_SCRIPT_START = "document.currentScript.crsData="


def data_script(data) -> Markup:
    """A classic script that hands `data` to its own <script> element (as `crsData`, which
    overrides/crs/model.js reads), whether it is loaded from a file or written in a page.
    Compact JSON, escaped as Jinja's tojson escapes it so that it is safe inside <script>."""
    return Markup(DATA_SCRIPT_START) + htmlsafe_json_dumps(
        data, separators=(",", ":")
    )


def script_data(text: str):
    """The data a data_script() hands over, read back (the SCORM budget and the tests read built
    files)."""
    if not text.startswith(DATA_SCRIPT_START):
        raise ValueError(f"not a course data script: {text[:60]!r}")
    return json.loads(text.removeprefix(DATA_SCRIPT_START))
