"""Single and multiple choice: options, each right or wrong, each with its feedback."""

from __future__ import annotations

from crs.questiontypes.base import KeyLine, Option, QuestionType, no_duplicates, one_paragraph
from crs.questiontypes.base import stable_key as key_of


class _Choice(QuestionType):
    def build(self, raw, lines, fail):
        options = tuple(
            Option(o["text"].strip(), o["correct"], o["feedback"].strip(), lines[f"options.{i}"])
            for i, o in enumerate(raw["options"])
        )
        no_duplicates([o.text for o in options], "option text", "options", fail)
        one_paragraph([o.text for o in options], "options", fail)
        self.check_correct_count(options, fail)
        return {"options": options}

    def check_correct_count(self, options, fail) -> None:
        raise NotImplementedError

    def web(self, q, inline, block):
        view = {"options": [{"key": key_of(o.text), "text": inline(o.text)} for o in q.options]}
        key = {
            "options": {
                key_of(o.text): {"correct": o.correct, "feedback": str(block(o.feedback))}
                for o in q.options
            }
        }
        return view, key

    def pack(self, q, key):
        # Per option as shown: [1 if right else 0, feedback].
        return [[int(o["correct"]), o["feedback"]] for o in key["options"].values()]

    def worksheet(self, q, inline):
        return {"options": [inline(o.text) for o in q.options]}

    def handout_choices(self, q, inline):
        return [inline(o.text) for o in q.options]

    def key_lines(self, q, inline, block):
        return [KeyLine(inline(o.text), o.correct, block(o.feedback)) for o in q.options]

    def key_words(self, q):
        return [o.text for o in q.options if o.correct]


class Single(_Choice):
    name = "single"

    def check_correct_count(self, options, fail):
        correct = [str(i + 1) for i, o in enumerate(options) if o.correct]
        if len(correct) != 1:
            detail = f" (options {' and '.join(correct)})" if correct else ""
            raise fail("options", f"needs exactly 1 correct option, found {len(correct)}{detail}")

    def correct_response(self, q):
        return next(key_of(o.text) for o in q.options if o.correct)

    def sample_response(self, q, right, rng):
        pool = [o for o in q.options if o.correct == right] or list(q.options)
        return key_of(rng.choice(pool).text)

    # Quiz-bank exports (crs/exports/): `out` is the format's writer for this one question.
    def gift(self, q, out):
        for o in q.options:
            out.choice("=" if o.correct else "~", out.inline(o.text), out.block(o.feedback))

    def moodle_xml(self, q, out):
        out.multichoice(single=True)
        for o in q.options:
            out.answer("100" if o.correct else "0", out.inline(o.text), out.block(o.feedback))


class Multiple(_Choice):
    name = "multiple"
    minutes = 1.5

    def handout_hint(self, q):
        return " (choose all that apply)"

    def check_correct_count(self, options, fail):
        if not any(o.correct for o in options):
            raise fail("options", "needs at least 1 correct option, found 0")

    def correct_response(self, q):
        return [key_of(o.text) for o in q.options if o.correct]

    def grade(self, q, response):
        return isinstance(response, list) and set(response) == set(self.correct_response(q))

    def sample_response(self, q, right, rng):
        keys = self.correct_response(q)
        if not right:
            wrong = [key_of(o.text) for o in q.options if not o.correct]
            keys = keys[:-1] + wrong[:1] if wrong else keys[:-1] or keys
        return keys

    # Quiz-bank exports (crs/exports/): `out` is the format's writer for this one question.
    # Grades from Moodle's list: right options share +100, wrong ones -100.
    def gift(self, q, out):
        grades = out.weights([o.correct for o in q.options], q.line_of("options"))
        for o, grade in zip(q.options, grades, strict=True):
            out.choice(f"~%{grade}%", out.inline(o.text), out.block(o.feedback))

    def moodle_xml(self, q, out):
        out.multichoice(single=False)
        grades = out.weights([o.correct for o in q.options], q.line_of("options"))
        for o, grade in zip(q.options, grades, strict=True):
            out.answer(grade, out.inline(o.text), out.block(o.feedback))
