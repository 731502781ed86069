"""What every question type has: the question model and the entry each type fills in.

A question type is one entry (a `QuestionType` subclass in its own module of this package). The
entry owns, for its type: the rules beyond quizzes/schema.json, grading a response, what the
web template, the print worksheet and the answer key need, the key in words, and one method per
export format. Consumers ask `entry_for(question)`; none keeps a ladder over type names.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

Render = Callable[[str], Markup]  # Markdown -> safe HTML (inline or block)
Fail = Callable[[str, str], Exception]  # (field path, message) -> the error to raise


@dataclass(frozen=True)
class Option:
    """A choice of a single/multiple question."""

    text: str
    correct: bool
    feedback: str
    line: int


@dataclass(frozen=True)
class Item:
    """A classify item (with its category and feedback) or an order item (text only)."""

    text: str
    line: int
    category: str | None = None
    feedback: str | None = None


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: str
    explanation: str
    source_page: str
    source_anchor: str
    source_quote: str
    line: int
    options: tuple[Option, ...] = ()  # single, multiple
    answer: bool | None = None  # true-false
    # true-false: {"true": md, "false": md}; fill-in: a hint shown when the answer is not accepted
    feedback: str | Mapping[str, str] | None = None
    answers: tuple[str, ...] = ()  # fill-in, the first is the one shown by "Show answer"
    categories: tuple[str, ...] = ()  # classify
    items: tuple[Item, ...] = ()  # classify; order (in the correct order)
    # Line of each field by dotted path ("source.quote", "options.2"), for later checks' errors.
    lines: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, path: str) -> int:
        return self.lines.get(path, self.line)


@dataclass(frozen=True)
class KeyLine:
    """One line of an answer key: what is right, and the feedback a learner sees for it."""

    text: Markup
    correct: bool | None  # None: not a choice (fill-in answers, classify, order)
    feedback: Markup | None


def stable_key(text: str) -> str:
    """A short key for an option, item or category: from its text, never from its position, so
    reordering a quiz keeps saved answers."""
    return "k" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def shuffled_order(question: Question) -> list[Item]:
    """Order items as first shown: a deterministic shuffle seeded by the question id, never the
    correct order itself."""
    items = list(question.items)
    shown = sorted(
        items, key=lambda i: hashlib.sha256(f"{question.id}\n{i.text}".encode()).hexdigest()
    )
    if shown == items:
        shown = shown[1:] + shown[:1]
    return shown


def no_duplicates(values: list[str], noun: str, key: str, fail: Fail) -> None:
    seen: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in seen:
            raise fail(
                f"{key}.{index}",
                f"has the {noun} '{value}' twice ({key} {seen[value] + 1} and {index + 1}); "
                f"expected each {noun} once",
            )
        seen[value] = index


def one_paragraph(values: list[str], key: str, fail: Fail) -> None:
    for index, value in enumerate(values):
        if re.search(r"\n\s*\n", value):
            raise fail(
                f"{key}.{index}",
                f"needs one-paragraph texts in '{key}' (they are labels), "
                f"found blank lines in {key[:-1]} {index + 1}",
            )


class QuestionType:
    """The entry of one question type. Subclasses set `name` and fill in every method."""

    name: str = ""
    # Minutes a learner takes over one question of the type (read, answer, read the feedback),
    # for the lesson-time estimate (crs/timing.py; the rates are in the README).
    minutes: float = 1.0

    def handout_hint(self, q: Question) -> str:
        """What the printed handout asks besides the prompt, e.g. " (choose all that apply)"."""
        return ""

    def build(self, raw: dict, lines: Mapping[str, int], fail: Fail) -> dict[str, Any]:
        """The type's own fields of a Question from checked YAML data, enforcing the rules the
        JSON Schema cannot say."""
        raise NotImplementedError

    def web(self, q: Question, inline: Render, block: Render) -> tuple[dict, dict]:
        """(what crs/templates/questions/<type>.html shows, the key the browser grades with)."""
        raise NotImplementedError

    def pack(self, q: Question, key: dict) -> list:
        """The type's part of the key (from `web`) as the page carries it: a list only this type
        and its front-end module's `unpack` (overrides/crs/questions/<type>.js) read, leaving out
        what the markup already says: option, item and category keys, in the order shown."""
        raise NotImplementedError

    def worksheet(self, q: Question, inline: Render) -> dict[str, Any]:
        """What a learner sees on paper: choices to tick, items to sort, never the answer."""
        return {}

    def handout_choices(self, q: Question, inline: Render) -> list[Markup]:
        """The tick list of the printed assignment handout (empty: a line to write on)."""
        return []

    def key_view(self, q: Question, inline: Render, block: Render) -> dict[str, Any]:
        """The printed answer key's fields for crs/templates/print/key.html: by default each
        choice with whether it is right and its feedback, as in the guide."""
        return {"choices": self.key_lines(q, inline, block)}

    def key_lines(self, q: Question, inline: Render, block: Render) -> list[KeyLine]:
        """The key as lines a tutor reads in the guide."""
        raise NotImplementedError

    def key_words(self, q: Question) -> list[str]:
        """The plain words of the key."""
        raise NotImplementedError

    def correct_response(self, q: Question) -> Any:
        """The fully right response, in the shape overrides/crs/quizzes.js saves."""
        raise NotImplementedError

    def grade(self, q: Question, response: Any) -> bool:
        """Whether a saved response is right: the browser's rule, for exports and reports."""
        return response == self.correct_response(q)

    def sample_response(self, q: Question, right: bool, rng) -> Any:
        """A plausible response, right or wrong as asked (the labelled SAMPLE class)."""
        raise NotImplementedError

    # Quiz-bank exports: one method per format, writing this type's part of a question through
    # the format's writer `out` (crs/exports/<format>.py owns escaping, categories and files).
    def gift(self, q: Question, out) -> None:
        """The answers of a GIFT question (out: crs.exports.gift.GiftQuestion)."""
        raise NotImplementedError

    def moodle_xml(self, q: Question, out) -> None:
        """This type's part of a Moodle XML question (out: crs.exports.moodle_xml.XmlQuestion)."""
        raise NotImplementedError
