"""The course model: pages in nav order with their front matter and the blocks written in them.

Everything aggregated elsewhere (module home, tutor guide, workspace, progress, PDFs, exports)
is read from here, so each fact is written once, in the lesson where it belongs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils.meta import get_data

from crs import frontmatter, schemacheck
from crs.blockscan import scan_blocks
from crs.errors import CourseError, Faults


@dataclass(frozen=True)
class Reflection:
    id: str
    prompt: str
    guidance: str
    page: str
    line: int


@dataclass(frozen=True)
class InstructorNote:
    markdown: str
    page: str
    line: int


@dataclass(frozen=True)
class Page:
    src: str
    title: str
    time: int | None
    objectives: tuple[str, ...]
    keypoints: tuple[str, ...]
    reflections: tuple[Reflection, ...]
    quiz_uses: tuple[tuple[str, int], ...]
    notes: tuple[InstructorNote, ...]
    editing_notes: tuple[InstructorNote, ...] = ()
    # For each objective, the question and prompt ids that practise it (empty: not linked).
    objective_links: tuple[tuple[str, ...], ...] = ()
    objectives_line: int = 1
    src_label: str = ""
    activity_uses: tuple[tuple[str, int], ...] = ()

    @property
    def is_lesson(self) -> bool:
        return self.time is not None

    @property
    def url(self) -> str:
        """Site-relative URL (the offline plugin forces use_directory_urls: false)."""
        return self.src[: -len(".md")] + ".html"


@dataclass(frozen=True)
class Course:
    pages: tuple[Page, ...]
    quizzes: Mapping = field(default_factory=dict)

    @property
    def lessons(self) -> list[Page]:
        return [page for page in self.pages if page.is_lesson]

    @property
    def reflections(self) -> list[Reflection]:
        return [r for page in self.pages for r in page.reflections]

    def reflection(self, reflection_id: str) -> Reflection:
        return next(r for r in self.reflections if r.id == reflection_id)

    def quizzes_of(self, page: Page) -> list:
        return [self.quizzes[quiz_id] for quiz_id, _ in page.quiz_uses if quiz_id in self.quizzes]

    @property
    def total_minutes(self) -> int:
        return sum(lesson.time for lesson in self.lessons)


def _objectives(meta: dict) -> tuple[tuple[str, ...], tuple]:
    """Objectives as sentences, each optionally linked to what practises it (the front matter
    schema has checked the shape):

    objectives:
      - Tell substitutive from additive co-production          # not linked
      - text: Distinguish individual from collective co-production
        practised_by: [models-individual-collective, potential-where-you-live]
    """
    texts, links = [], []
    for item in meta.get("objectives", []):
        if isinstance(item, dict):
            texts.append(item["text"])
            links.append(tuple(item.get("practised_by", ())))
        else:
            texts.append(item)
            links.append(())
    return tuple(texts), tuple(links)


def check_objective_links(course: Course) -> None:
    """Every id an objective names is a question or a reflection prompt of the course."""
    known = {r.id for r in course.reflections} | {
        question.id for quiz in course.quizzes.values() for question in quiz.questions
    }
    for page in course.pages:
        for links in page.objective_links:
            for item_id in links:
                if item_id not in known:
                    raise CourseError(
                        page.src_label,
                        page.objectives_line,
                        f"objective linked to '{item_id}', expected the id of a question or "
                        "reflection prompt of the course, found none",
                    )


def body_start_line(text: str) -> int:
    """Line number of the first body line once front matter is taken off (as MkDocs does)."""
    body, _ = get_data(text)
    return text.count("\n") - body.count("\n") + 1


def read_page(
    text: str,
    src: str,
    known_blocks: set[str],
    label: str | None = None,
    schema: dict | None = None,
    faults: Faults | None = None,
) -> Page:
    """Parse one page; `src` is docs-relative (URLs), `label` the path errors name, `schema` the
    front matter's (default: docs/_data/schemas/page.schema.json). Faults in its blocks go to
    `faults` when given (the page is still returned), else they raise."""
    src_label = label or src
    meta, root = frontmatter.read(text, src_label, schema)
    body, _ = get_data(text)
    first_body_line = body_start_line(text)
    time = meta.get("time")
    title = meta.get("title")
    objectives, objective_links = _objectives(meta)
    keypoints = tuple(meta.get("keypoints", ()))
    objectives_line = schemacheck.key_line(root, [], "objectives") if root is not None else 1

    uses = scan_blocks(body, src_label, known_blocks, first_line=first_body_line)
    reflections = tuple(
        Reflection(
            use.argument, use.body, str(use.options.get("guidance", "")), src_label, use.line
        )
        for use in uses
        if use.name == "reflection"
    )
    notes = tuple(
        InstructorNote(use.body, src_label, use.line) for use in uses if use.name == "instructor"
    )
    editing_notes = tuple(
        InstructorNote(use.body, src_label, use.line) for use in uses if use.name == "editor"
    )
    quiz_uses = tuple((use.argument, use.line) for use in uses if use.name == "quiz")
    own = Faults() if faults is None else faults
    for use in uses:
        if use.name in {"reflection", "quiz", "activity"} and not use.argument:
            own.add(
                CourseError(
                    src_label, use.line, f"'/// {use.name}' needs an id: '/// {use.name} | <id>'"
                )
            )
    own.add(
        *(
            CourseError(
                src_label,
                r.line,
                f"reflection '{r.id}' needs its prompt as text inside the block, found none",
            )
            for r in reflections
            if r.id and not r.prompt.strip()
        )
    )
    if faults is None:
        own.raise_any()
    return Page(
        src,
        title or "",
        time,
        objectives,
        keypoints,
        reflections,
        quiz_uses,
        notes,
        editing_notes,
        objective_links,
        objectives_line,
        src_label,
        tuple((use.argument, use.line) for use in uses if use.name == "activity"),
    )


def check_unique_reflections(pages: list[Page]) -> list[CourseError]:
    seen: dict[str, Reflection] = {}
    found = []
    for reflection in (r for page in pages for r in page.reflections):
        first = seen.setdefault(reflection.id, reflection)
        if first is not reflection:
            found.append(
                CourseError(
                    reflection.page,
                    reflection.line,
                    f"reflection id '{reflection.id}' is already used at "
                    f"{first.page}:{first.line}; ids must be unique across the course",
                )
            )
    return found


def load_course(
    docs_dir: Path,
    page_srcs: list[str],
    known_blocks: set[str],
    faults: Faults,
    schema: dict | None = None,
) -> Course:
    """Read every page listed in nav order and check what spans pages, collecting faults so the
    other pages are still checked in the same run; schema: the front matter's (default:
    docs/_data/schemas/page.schema.json). A page whose front matter is wrong is left out; one
    with faulty blocks is kept (its other blocks still count)."""
    pages = []
    setting = json.dumps([sorted(known_blocks), schema], sort_keys=True)
    for src in page_srcs:
        path = docs_dir / src
        label = f"{docs_dir.name}/{src}"
        with faults.gather():
            text = path.read_text(encoding="utf-8")
            pages.append(_read_page_once(text, src, known_blocks, label, schema, faults, setting))
    faults.add(*check_unique_reflections(pages))
    return Course(tuple(pages))


# Pages read without a fault, by everything read_page depends on: `mkdocs serve` loads the
# course on every save, and most pages have not changed. Bounded, as a long session edits on.
_READ: dict[tuple[str, str, str, str], Page] = {}
_READ_MAX = 4096


def _read_page_once(
    text: str, src: str, known_blocks: set[str], label: str, schema, faults: Faults, setting: str
) -> Page:
    key = (text, src, label, setting)
    if key in _READ:
        return _READ[key]
    before = len(faults.found)
    page = read_page(text, src, known_blocks, label, schema, faults)
    if len(faults.found) == before:  # a page with faults is read again, to report them again
        while len(_READ) >= _READ_MAX:
            del _READ[next(iter(_READ))]
        _READ[key] = page
    return page


def summary(course: Course, course_id: str, version: str) -> dict:
    """What the browser needs to show progress and the workspace (embedded as JSON)."""
    return {
        "course": course_id,
        "version": version,
        "lessons": [
            {
                "page": page.src,
                "url": page.url,
                "title": page.title,
                "time": page.time,
                "objectives": list(page.objectives),
                "objective_links": [list(ids) for ids in page.objective_links],
                "reflections": [{"id": r.id, "prompt": r.prompt} for r in page.reflections],
                "quizzes": [
                    {
                        "id": quiz.id,
                        "title": quiz.title,
                        "questions": [q.id for q in quiz.questions],
                    }
                    for quiz in course.quizzes_of(page)
                ],
            }
            for page in course.lessons
        ],
    }
