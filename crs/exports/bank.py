"""The question bank every quiz-bank export writes: the course's questions and reflection prompts
grouped per lesson, with the facts of Moodle's question bank that GIFT and Moodle XML share
(category paths, the grades Moodle accepts, general feedback naming the source section).

    Course (pages, quizzes) --bank_of--> Bank --crs.exports.gift / crs.exports.moodle_xml--> file
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from crs import grounding
from crs.course import Course, Reflection
from crs.coursetext import CourseText
from crs.errors import CourseError
from crs.questiontypes.base import Question
from crs.quizzes import Quiz
from crs.schemacheck import display_path

# The only answer grades Moodle accepts (percent, matched within 1e-5 as a fraction); an import
# with any other value skips the question. Negative grades are these negated.
GRADES = (
    "100",
    "90",
    "83.33333",
    "80",
    "75",
    "70",
    "66.66667",
    "60",
    "50",
    "40",
    "33.33333",
    "30",
    "25",
    "20",
    "16.66667",
    "14.28571",
    "12.5",
    "11.11111",
    "10",
    "5",
    "0",
)


@dataclass(frozen=True)
class Section:
    """One lesson's part of the bank: a question-bank category of its own."""

    title: str
    questions: tuple[Question, ...]
    prompts: tuple[Reflection, ...]


@dataclass(frozen=True)
class Bank:
    title: str  # the module: the parent category of every lesson's category
    sections: tuple[Section, ...]
    text: CourseText  # course Markdown rendered as the site renders it
    # Question id -> where its key comes from, in words ("Lesson title, section “Heading”").
    sources: Mapping[str, str] = field(default_factory=dict)
    # Question id -> the quiz file it is written in, for errors.
    files: Mapping[str, str] = field(default_factory=dict)

    def inline(self, markdown: str) -> str:
        """One paragraph of course Markdown as the site shows it (safe HTML, no <p>)."""
        return str(self.text.inline(markdown))

    def block(self, markdown: str) -> str:
        """Course Markdown as the site shows it (safe HTML)."""
        return str(self.text.block(markdown)).strip()

    def category(self, section: Section) -> str:
        """Moodle's category path: a "/" inside a name is written "//"."""
        parts = ["$course$", "top", self.title, section.title]
        return "/".join(part.replace("/", "//") for part in parts)


def bank_of(course: Course, title: str, docs_dir: Path, text: CourseText) -> Bank:
    """Every page with quizzes or prompts, in nav order, as one category each."""
    sections = tuple(
        Section(
            page.title or page.src,
            tuple(q for quiz in course.quizzes_of(page) for q in quiz.questions),
            page.reflections,
        )
        for page in course.pages
        if page.reflections or page.quiz_uses
    )
    files = {
        q.id: display_path(quiz.path) for quiz in course.quizzes.values() for q in quiz.questions
    }
    titles = {page.src: page.title or page.src for page in course.pages}
    headings: dict[str, dict[str, str]] = {}
    sources = {}
    for section in sections:
        for q in section.questions:
            if q.source_page not in headings:
                page_text = (Path(docs_dir) / q.source_page).read_text(encoding="utf-8")
                headings[q.source_page] = grounding.section_titles(page_text)
            heading = headings[q.source_page].get(q.source_anchor, q.source_anchor)
            lesson = titles.get(q.source_page, q.source_page)
            sources[q.id] = f"{lesson}, section “{heading}”"
    return Bank(title, sections, text, sources, files)


def bank_of_quizzes(title: str, quizzes: Iterable[Quiz], text: CourseText) -> Bank:
    """Quizzes on their own (no pages): one category per quiz, no sources named."""
    quizzes = list(quizzes)
    sections = tuple(Section(quiz.title, quiz.questions, ()) for quiz in quizzes)
    files = {q.id: display_path(quiz.path) for quiz in quizzes for q in quiz.questions}
    return Bank(title, sections, text, {}, files)


def weights(flags: list[bool], label: str, line: int) -> list[str]:
    """Grades of a multiple-answer question from Moodle's list: the right options share +100 and
    the wrong ones -100, so ticking everything scores nothing. Earlier options take the larger
    share when the split is uneven (11 right options: nine of 10 and two of 5)."""
    right = _split(flags.count(True), label, line)
    wrong = [f"-{grade}" for grade in _split(flags.count(False), label, line)]
    return [right.pop(0) if flag else wrong.pop(0) for flag in flags]


def _split(count: int, label: str, line: int) -> list[str]:
    if not count:
        return []
    values = [g for g in GRADES if g != "0"]
    for spread in range(len(values)):  # the most even split first
        for big, small in zip(values, values[spread:], strict=False):
            for n_big in range(count, 0, -1):
                if abs(n_big * float(big) + (count - n_big) * float(small) - 100) < 1e-3:
                    return [big] * n_big + [small] * (count - n_big)
    raise CourseError(
        label,
        line,
        f"a multiple-answer question exports to Moodle only with 1 to 20 right and 1 to 20 wrong "
        f"options (grades must come from Moodle's list), found {count}",
    )


def ordinal(position: int) -> str:
    """1 -> "1st", 2 -> "2nd", 11 -> "11th", 23 -> "23rd": the labels an order question's items
    are matched to where the format has no ordering type."""
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(position % 10, "th")
    if 10 <= position % 100 <= 20:
        suffix = "th"
    return f"{position}{suffix}"


def general_feedback(bank: Bank, q: Question, extra: str = "") -> str:
    """The explanation, what a type adds (classify: why each item belongs) and the source."""
    source = bank.sources.get(q.id)
    where = f"<p>Source: {html.escape(source, quote=False)}</p>" if source else ""
    return bank.block(q.explanation) + extra + where


def essay_text(bank: Bank, prompt: Reflection) -> str:
    """A reflection prompt as the learner sees it: the prompt, then its guidance."""
    guidance = f"<p><em>{Markup.escape(prompt.guidance)}</em></p>" if prompt.guidance else ""
    return bank.block(prompt.prompt) + guidance


def shortanswer(answer: str) -> str:
    """An accepted answer as Moodle's short-answer pattern: "*" is its wildcard, so a literal one
    is written "\\*"."""
    return answer.replace("*", "\\*")


class BankWriter:
    """What a type's gift(q, out) / moodle_xml(q, out) method can ask of `out` in either format:
    the site's rendering of course text and the Moodle facts both formats share."""

    def __init__(self, bank: Bank, q: Question):
        self.label = bank.files.get(q.id, q.id)  # the quiz file, for errors
        self.feedback = ""
        self.inline = bank.inline
        self.block = bank.block

    ordinal = staticmethod(ordinal)
    shortanswer = staticmethod(shortanswer)

    def weights(self, flags: list[bool], line: int) -> list[str]:
        return weights(flags, self.label, line)

    def add_feedback(self, html_text: str) -> None:
        """Added to the general feedback, before the source."""
        self.feedback += html_text
