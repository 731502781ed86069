"""The course model: `load(project)` reads and checks everything once and returns one immutable
object that every output (site, PDF, tutor tools, exports) renders from.

    mkdocs.yml (nav, pipeline) ─┐
    docs/*.md (pages, blocks) ──┼─> load() ─> CourseModel ─> site / pdf / tutor / exports
    quizzes/*.yml ──────────────┤     every check here, before anything is written
    docs/_data/*.yml ───────────┘
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import markdown

from crs import (
    course,
    data,
    datafiles,
    editing,
    grounding,
    modelcache,
    pagechecks,
    pagelist,
    quizzes,
    schemacheck,
    timing,
)
from crs.coursetext import TEXT_CACHE, CourseText
from crs.errors import CourseError, CourseFaults, Faults
from crs.project import Project, read_project

COURSE_ID = "co-production"
T = TypeVar("T")


@dataclass(frozen=True)
class CourseModel:
    project: Project
    course: course.Course
    references: Mapping
    terms: tuple
    activities: Mapping
    version: str  # changes whenever what the browser stores answers against changes
    text: CourseText  # the one Markdown pipeline for course text (quizzes, prompts, notes)
    warnings: tuple[str, ...] = ()
    # Notes on the text for tutors and maintainers (crs/editing.py), never shown to learners.
    editing_notes: tuple[editing.EditingNote, ...] = ()

    def summary(self) -> dict:
        """What the browser needs to show progress and the workspace (embedded as JSON)."""
        return course.summary(self.course, COURSE_ID, self.version)


def known_blocks(project: Project) -> set[str]:
    """Block names registered by the configured extensions: the one list of valid syntax."""
    md = markdown.Markdown(
        extensions=list(project.extensions), extension_configs=project.extension_configs
    )
    return set(md.parser.blockprocessors["blocks"].blocks)


def load(project: Project | Path) -> CourseModel:
    """Read and check the whole course (load_checked), or take the result of the last load of
    the very same inputs that passed (crs.modelcache: a fresh process need not check again)."""
    if not isinstance(project, Project):
        project = read_project(Path(project))
    return modelcache.load(project, load_checked, _attach)


def _attach(kept: CourseModel, project: Project) -> CourseModel:
    return dataclasses.replace(kept, project=project, text=course_text(project))


def course_text(project: Project) -> CourseText:
    """The project's text pipeline, keeping what it renders for the next run."""
    return CourseText.of(project.extensions, project.extension_configs, project.root / TEXT_CACHE)


def load_checked(project: Project) -> CourseModel:
    """Read and check the whole course. Every fault found is collected, and if there is any, one
    CourseFaults lists them all (file:line, sorted) before anything is written."""
    faults = Faults()
    faults.add(*pagelist.check_page_list(project))
    present = [src for src in project.pages if (project.docs / src).is_file()]
    page_schema = schemacheck.load_schema(
        datafiles.schema_path(project.data / "page.md", "page"), "page front matter"
    )
    blocks = known_blocks(project)
    the_course = course.load_course(project.docs, present, blocks, faults, page_schema)
    pages_complete = len(the_course.pages) == len(present)
    loaded_quizzes = _gathered(faults, lambda: data.quizzes(project.quizzes))
    the_course = course.Course(the_course.pages, loaded_quizzes or {})
    unused = _check_quiz_uses(the_course, loaded_quizzes, faults)
    if unused and project.strict and pages_complete:
        # Refused here rather than after a build, so site/ keeps the last good site. (A page
        # that failed to load hides its quizzes, so then this would only add false alarms.)
        faults.add(*unused)
    if loaded_quizzes is not None:
        with faults.gather():
            grounding.check_grounding(loaded_quizzes, project.docs)
    if loaded_quizzes is not None and pages_complete:
        with faults.gather():
            course.check_objective_links(the_course)
    references = _gathered(faults, lambda: data.references(project.data))
    terms = _gathered(faults, lambda: data.glossary(project.data))
    activities = None
    if references is not None:
        activities = _gathered(faults, lambda: data.activities(project.data))
        if activities is not None:
            faults.add(*_check_activity_uses(the_course, activities))
    checks = pagechecks.PageChecks.of(project, references, terms)
    if terms is not None:
        faults.add(*checks.glossary_links(terms, project.data / "glossary.yml"))
    for src in pagelist.built_pages(project):
        label = f"{project.docs.name}/{src}"
        faults.add(*checks.check((project.docs / src).read_text(encoding="utf-8"), src, label))
    if faults:
        raise CourseFaults(faults.found)  # with the count, even for one
    summary = course.summary(the_course, COURSE_ID, "")
    version = hashlib.sha256(json.dumps(summary, sort_keys=True).encode()).hexdigest()[:12]
    return CourseModel(
        project=project,
        course=the_course,
        references=references,
        terms=tuple(terms),
        activities=activities,
        version=version,
        text=course_text(project),
        warnings=(
            *(str(w) for w in unused),
            *timing.check_lesson_times(the_course, project.docs, blocks, activities),
        ),
        editing_notes=tuple(editing.collect(the_course, references, activities, project.docs)),
    )


def _gathered(faults: Faults, read: Callable[[], T]) -> T | None:
    """What `read` returns, or None with its faults collected."""
    with faults.gather():
        return read()
    return None


def _check_quiz_uses(
    the_course: course.Course, known: Mapping | None, faults: Faults
) -> list[CourseError]:
    """A quiz placed twice would give two widgets one state; each use names a quiz. Returns the
    quizzes no page uses (a warning unless strict)."""
    used: dict[str, tuple[str, int]] = {}
    for page in the_course.pages:
        for quiz_id, line in page.quiz_uses:
            here = (page.src_label, line)
            first = used.setdefault(quiz_id, here)
            if first != here:
                faults.add(
                    CourseError(
                        *here,
                        f"quiz '{quiz_id}' expected once in the course, found it again "
                        f"(first placed at {first[0]}:{first[1]})",
                    )
                )
    if known is None:
        return []
    with faults.gather():
        return quizzes.check_usage(known, used)
    return []


def _check_activity_uses(the_course: course.Course, activities: Mapping) -> list[CourseError]:
    known = ", ".join(sorted(activities)) or "none"
    return [
        CourseError(
            page.src_label,
            line,
            f"activity block names '{activity_id}', expected an id from "
            f"docs/_data/activities.yml ({known})",
        )
        for page in the_course.pages
        for activity_id, line in page.activity_uses
        if activity_id not in activities
    ]
