"""Tutor pages rendered from the course model: the tutor guide and the assignment pages.

Nothing here is typed twice: lesson times, objectives, key points, instructor notes, prompts and
quiz keys all come from the lessons and quizzes/*.yml, through crs.course. Markup lives in
crs/templates/tutor-guide.html and crs/templates/assignment.html.
"""

from __future__ import annotations

import json
import math
import posixpath
import re
from collections.abc import Callable

from markupsafe import Markup

from crs import reflections
from crs.course import InstructorNote, Page
from crs.coursetext import CourseText
from crs.downloads import pdf_path
from crs.model import CourseModel
from crs.questiontypes import entry_for
from crs.questiontypes.base import KeyLine, Question
from crs.quizzes import Quiz, render_quiz
from crs.templating import render

# Lessons longer than this in all are split into sessions of about equal length.
SESSION_MINUTES = 90


def answer_key(question: Question, text: CourseText) -> list[KeyLine]:
    """The key of one question as lines a tutor reads."""
    return entry_for(question).key_lines(question, text.inline, text.block)


def key_text(question: Question) -> list[str]:
    """The plain words of the key (what a test looks for in the guide)."""
    return entry_for(question).key_words(question)


def session_plan(lessons: list[Page], limit: int = SESSION_MINUTES) -> list[dict]:
    """Lessons in order, in as few sessions of at most about `limit` minutes as they need, of
    similar length; each lesson with its start and end minute within its session."""
    total = sum(page.time for page in lessons)
    count = max(1, math.ceil(total / limit))
    target = total / count
    sessions: list[dict] = []
    for page in lessons:
        current = sessions[-1] if sessions else None
        if current is None or (
            len(sessions) < count and current["minutes"] + page.time / 2 > target
        ):
            current = {"number": len(sessions) + 1, "minutes": 0, "lessons": []}
            sessions.append(current)
        current["lessons"].append(
            {"page": page, "start": current["minutes"], "end": current["minutes"] + page.time}
        )
        current["minutes"] += page.time
    return sessions


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _question_view(question: Question, text: CourseText, link: Callable[[str], str]) -> dict:
    source_url = question.source_page[: -len(".md")] + ".html"
    return {
        "id": question.id,
        "type": question.type,
        "prompt": text.inline(question.prompt),
        "key": answer_key(question, text),
        "explanation": text.block(question.explanation),
        "source_href": link(f"{source_url}#{question.source_anchor}"),
        "source_label": f"{question.source_page}#{question.source_anchor}",
        "quote": question.source_quote,
    }


def _quiz_view(quiz: Quiz, text: CourseText, link: Callable[[str], str]) -> dict:
    return {
        "id": quiz.id,
        "title": quiz.title,
        "questions": [_question_view(q, text, link) for q in quiz.questions],
    }


# An inline Markdown link or image target that is a page of the site: `](models.md#x)`.
_PAGE_LINK = re.compile(r"(\]\()(?![a-z][a-z0-9+.-]*:|/|#)([^)\s]+?\.md)(?=[#)\s])")


def note_markdown(note: InstructorNote, guide_src: str) -> str:
    """A note's Markdown as written, its page links made relative to the guide. The guide page
    renders it with md_in_html, so it goes through the same pipeline as the lesson it came from
    (citations, glossary, every extension of mkdocs.yml) and MkDocs checks its links."""
    from_dir = posixpath.dirname(note.page.removeprefix("docs/"))
    to_dir = posixpath.dirname(guide_src) or "."

    def relink(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(from_dir, match[2]))
        return match[1] + posixpath.relpath(target, to_dir)

    return _PAGE_LINK.sub(relink, note.markdown)


def render_guide(
    model: CourseModel,
    link: Callable[[str], str],
    guide_src: str,
    hold: Callable[[str], Markup] = Markup,
) -> str:
    """The tutor guide's Markdown; `hold` is handed its HTML-only parts (crs.pages.fill_page)."""
    course, text = model.course, model.text

    def notes(page: Page) -> list[str]:
        # Markup: Markdown for the page pipeline, not text to escape here.
        return [Markup(note_markdown(note, guide_src)) for note in page.notes]

    lessons = [
        {
            "page": page,
            "slug": page.src[: -len(".md")].replace("/", "-"),
            "href": link(page.url),
            "objectives": [text.inline(o) for o in page.objectives],
            "keypoints": [text.inline(k) for k in page.keypoints],
            "notes": notes(page),
            "reflections": [
                {
                    "id": r.id,
                    "prompt": text.block(r.prompt),
                    "guidance": r.guidance,
                    "href": link(f"{page.url}#reflect-{r.id}"),
                }
                for r in page.reflections
            ],
            "quizzes": [_quiz_view(quiz, text, link) for quiz in course.quizzes_of(page)],
        }
        for page in course.lessons
    ]
    # Notes written on pages that are not lessons (home, resources) are kept too.
    other_notes = [
        {
            "page": page,
            "href": link(page.url),
            "notes": notes(page),
        }
        for page in course.pages
        if not page.is_lesson and page.notes
    ]
    return render(
        "tutor-guide.html",
        lessons=lessons,
        other_notes=other_notes,
        sessions=session_plan(course.lessons),
        total=course.total_minutes,
        clock=clock,
        editing_notes=model.editing_notes,
        link=link,
        hold=hold,
    )


# The function each assignment part calls (overrides/crs/assignment.js defines it).
PART_CALLBACK = "crsAssignmentPart"


def assignment_part_url(page: Page) -> str:
    """Where a lesson's part of the assignment page is written, from the site root."""
    return f"assets/crs/assignment/{posixpath.splitext(page.src)[0]}.js"


def render_assignment(model: CourseModel, link: Callable[[str], str]) -> str:
    """The learner's assignment page: its frame, and per lesson an empty section that
    overrides/crs/assignment.js fills from the lesson's part (assignment_parts) when the link
    names one of its prompts or quizzes."""
    lessons = [
        {"page": page, "part": link(assignment_part_url(page))} for page in model.course.lessons
    ]
    return render("assignment.html", lessons=lessons, pdf_href=link(pdf_path("learner")))


def assignment_parts(model: CourseModel, link: Callable[[str], str]) -> dict[str, str]:
    """Site path -> script of each lesson's part of the assignment page: every prompt and quiz
    of the lesson, hidden, as HTML handed to PART_CALLBACK (a script loads from file:// too,
    where fetch() cannot). `link` makes URLs relative to the assignment page."""
    parts = {}
    course = model.course
    for number, page in enumerate(course.lessons, start=1):
        lesson = {
            "page": page,
            "href": link(page.url),
            "reflections": [reflections.view(r, model.text) for r in page.reflections],
            "quizzes": [
                {
                    "id": quiz.id,
                    "html": Markup(
                        render_quiz(
                            quiz, model.text, heading_level=3, pdf_href=link(pdf_path("learner"))
                        )
                    ),
                }
                for quiz in course.quizzes_of(page)
            ],
        }
        html = render("assignment-part.html", lesson=lesson, number=number)
        call = f"{PART_CALLBACK}({json.dumps(page.src)}, {json.dumps(html)})\n"
        parts[assignment_part_url(page)] = call
    return parts


def _handout_question(question: Question, text: CourseText) -> dict:
    """A question as printed on paper: its prompt and what the learner marks or writes."""
    entry = entry_for(question)
    return {
        "id": question.id,
        "prompt": text.inline(question.prompt),
        "hint": entry.handout_hint(question),
        "choices": entry.handout_choices(question, text.inline),
    }


def render_builder(model: CourseModel, link: Callable[[str], str]) -> str:
    """The assignment builder (overrides/crs/tutor.js): prompts and quizzes to pick, by lesson,
    and the printable handout of every one of them, shown for the ones picked."""
    course = model.course
    lessons = [
        {
            "page": page,
            "slug": page.src[: -len(".md")].replace("/", "-"),
            "reflections": [reflections.view(r, model.text) for r in page.reflections],
            "quizzes": [
                {
                    "id": quiz.id,
                    "title": quiz.title,
                    "questions": [_handout_question(q, model.text) for q in quiz.questions],
                }
                for quiz in course.quizzes_of(page)
            ],
        }
        for page in course.lessons
    ]
    return render("assignment-builder.html", lessons=lessons, learner_page=link("assignment.html"))
