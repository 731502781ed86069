"""The course model: `load(project)` reads and checks everything once and returns one immutable
object that every output (site, PDF, tutor tools, exports) renders from.

    mkdocs.yml (nav, pipeline) ─┐
    docs/*.md (pages, blocks) ──┼─> load() ─> CourseModel ─> site / pdf / tutor / exports
    quizzes/*.yml ──────────────┤     every check here, before anything is written
    docs/_data/*.yml ───────────┘
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import markdown

from crs import course, data, datafiles, editing, grounding, quizzes, schemacheck, timing
from crs.coursetext import CourseText
from crs.errors import CourseError
from crs.project import Project, read_project

COURSE_ID = "co-production"


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
    """Read and check the whole course. Raises CourseError (file:line) on the first fault."""
    if not isinstance(project, Project):
        project = read_project(Path(project))
    page_schema = schemacheck.load_schema(
        datafiles.schema_path(project.data / "page.md", "page"), "page front matter"
    )
    blocks = known_blocks(project)
    pages = course.load_course(project.docs, list(project.pages), blocks, page_schema)
    the_course = course.Course(pages.pages, data.quizzes(project.quizzes))
    used = {
        quiz_id: (f"docs/{page.src}", line)
        for page in the_course.pages
        for quiz_id, line in page.quiz_uses
    }
    unused = quizzes.check_usage(the_course.quizzes, used)
    if unused and project.strict:
        # Refused here rather than after a build, so site/ keeps the last good site.
        first, *others = unused
        raise CourseError(first.path, first.line, "\n".join([first.message, *map(str, others)]))
    grounding.check_grounding(the_course.quizzes, project.docs)
    course.check_objective_links(the_course)
    references = data.references(project.data)
    activities = data.activities(project.data)
    _check_activity_uses(the_course, activities)
    summary = course.summary(the_course, COURSE_ID, "")
    version = hashlib.sha256(json.dumps(summary, sort_keys=True).encode()).hexdigest()[:12]
    return CourseModel(
        project=project,
        course=the_course,
        references=references,
        terms=tuple(data.glossary(project.data)),
        activities=activities,
        version=version,
        text=CourseText.of(project.extensions, project.extension_configs),
        warnings=(
            *(str(w) for w in unused),
            *timing.check_lesson_times(the_course, project.docs, blocks, activities),
        ),
        editing_notes=tuple(editing.collect(the_course, references, activities, project.docs)),
    )


def _check_activity_uses(the_course: course.Course, activities: Mapping) -> None:
    for page in the_course.pages:
        for activity_id, line in page.activity_uses:
            if activity_id not in activities:
                known = ", ".join(sorted(activities)) or "none"
                raise CourseError(
                    f"docs/{page.src}",
                    line,
                    f"activity block names '{activity_id}', expected an id from "
                    f"docs/_data/activities.yml ({known})",
                )
