"""True or false: one statement, a feedback for each answer."""

from __future__ import annotations

from markupsafe import Markup

from crs.questiontypes.base import KeyLine, QuestionType

_CHOICES = (("true", "True", True), ("false", "False", False))


class TrueFalse(QuestionType):
    name = "true-false"

    def build(self, raw, lines, fail):
        feedback = {key: raw["feedback"][key].strip() for key, _, _ in _CHOICES}
        return {"answer": raw["answer"], "feedback": feedback}

    def web(self, q, inline, block):
        view = {"options": [{"key": key, "text": label} for key, label, _ in _CHOICES]}
        key = {"answer": q.answer, "feedback": {k: str(block(v)) for k, v in q.feedback.items()}}
        return view, key

    def pack(self, q, key):
        # [1 if true else 0, feedback for True, feedback for False]
        return [int(key["answer"]), key["feedback"]["true"], key["feedback"]["false"]]

    def worksheet(self, q, inline):
        return {"options": [Markup(label) for _, label, _ in _CHOICES]}

    def handout_choices(self, q, inline):
        return [Markup(label) for _, label, _ in _CHOICES]

    def key_lines(self, q, inline, block):
        return [
            KeyLine(Markup(label), value == q.answer, block(q.feedback[key]))
            for key, label, value in _CHOICES
        ]

    def key_words(self, q):
        return ["True" if q.answer else "False"]

    def correct_response(self, q):
        return q.answer

    def sample_response(self, q, right, rng):
        return q.answer if right else not q.answer

    # Quiz-bank exports (crs/exports/): `out` is the format's writer for this one question.
    def gift(self, q, out):
        right, wrong = ("true", "false") if q.answer else ("false", "true")
        out.true_false(q.answer, out.block(q.feedback[wrong]), out.block(q.feedback[right]))

    def moodle_xml(self, q, out):
        out.kind("truefalse")
        out.penalty = "1"  # a second try at true/false earns nothing, as Moodle's own default
        for key, _, value in _CHOICES:
            grade = "100" if value == q.answer else "0"
            out.answer(grade, key, out.block(q.feedback[key]), html=False)
