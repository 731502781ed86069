"""Each question type's quiz-bank mapping: gift(q, out) and moodle_xml(q, out), one class per type.

These methods belong to the type's entry in the question-type registry (crs/questiontypes/):
they move there, unchanged, once it exists. `out` is the format's writer for one question
(crs.exports.gift.GiftQuestion, crs.exports.moodle_xml.XmlQuestion).
"""

from __future__ import annotations

from crs.exports import bank
from crs.quizzes import Question


class Single:
    def gift(self, q: Question, out) -> None:
        for o in q.options:
            out.choice("=" if o.correct else "~", bank.inline(o.text), bank.block(o.feedback))

    def moodle_xml(self, q: Question, out) -> None:
        out.multichoice(single=True)
        for o in q.options:
            out.answer("100" if o.correct else "0", bank.inline(o.text), bank.block(o.feedback))


class Multiple:
    def gift(self, q: Question, out) -> None:
        for o, grade in zip(q.options, _weights(q, out.label), strict=True):
            out.choice(f"~%{grade}%", bank.inline(o.text), bank.block(o.feedback))

    def moodle_xml(self, q: Question, out) -> None:
        out.multichoice(single=False)
        for o, grade in zip(q.options, _weights(q, out.label), strict=True):
            out.answer(grade, bank.inline(o.text), bank.block(o.feedback))


def _weights(q: Question, label: str) -> list[str]:
    return bank.weights([o.correct for o in q.options], label, q.line_of("options"))


class TrueFalse:
    def gift(self, q: Question, out) -> None:
        right, wrong = ("true", "false") if q.answer else ("false", "true")
        out.true_false(q.answer, bank.block(q.feedback[wrong]), bank.block(q.feedback[right]))

    def moodle_xml(self, q: Question, out) -> None:
        out.kind("truefalse")
        out.penalty = "1"  # a second try at true/false earns nothing, as Moodle's own default
        for value in (True, False):
            word = str(value).lower()
            grade = "100" if value == q.answer else "0"
            out.answer(grade, word, bank.block(q.feedback[word]), html=False)


class FillIn:
    # Moodle's short answer: every accepted answer at 100%, case ignored, and the hint as the
    # feedback of "*", Moodle's wildcard for any other response.
    def gift(self, q: Question, out) -> None:
        for answer in q.answers:
            out.short(bank.shortanswer(answer))
        out.short("*", grade="0", feedback=bank.block(q.feedback))

    def moodle_xml(self, q: Question, out) -> None:
        out.kind("shortanswer")
        out.value("usecase", "0")
        for answer in q.answers:
            out.answer("100", bank.shortanswer(answer), html=False)
        out.answer("0", "*", bank.block(q.feedback), html=False)


class Classify:
    # A matching question whose answers repeat (one per category). Matching has no feedback per
    # pair, so why each item belongs goes into the general feedback.
    def gift(self, q: Question, out) -> None:
        for item in q.items:
            out.match(bank.inline(item.text), item.category)
        out.add_feedback(bank.item_feedback(q))

    def moodle_xml(self, q: Question, out) -> None:
        out.kind("matching")
        out.value("shuffleanswers", "true")
        for item in q.items:
            out.subquestion(bank.inline(item.text), item.category)
        out.add_feedback(bank.item_feedback(q))


class Order:
    def gift(self, q: Question, out) -> None:
        out.comment(
            "order question: GIFT has no core ordering type, so each item is matched to its "
            "position (1st, 2nd, ...); Moodle XML exports it as an ordering question"
        )
        for position, item in enumerate(q.items, start=1):
            out.match(bank.inline(item.text), bank.ordinal(position))

    def moodle_xml(self, q: Question, out) -> None:
        # Core ordering (Moodle 4.4+): answers in the correct order, their fractions the
        # positions; all items shown, one mark share per item in its right place.
        out.kind("ordering")
        for tag, value in (
            ("layouttype", "VERTICAL"),
            ("selecttype", "ALL"),
            ("selectcount", str(len(q.items))),
            ("gradingtype", "ABSOLUTE_POSITION"),
            ("showgrading", "SHOW"),
            ("numberingstyle", "none"),
        ):
            out.value(tag, value)
        for position, item in enumerate(q.items, start=1):
            out.answer(str(position), bank.inline(item.text))


ENTRIES = {
    "single": Single(),
    "multiple": Multiple(),
    "true-false": TrueFalse(),
    "fill-in": FillIn(),
    "classify": Classify(),
    "order": Order(),
}


def entry_for(q: Question):
    return ENTRIES[q.type]
