"""Fill in: a typed answer, accepted when it matches one of the accepted answers as compared."""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup

from crs.questiontypes.base import KeyLine, QuestionType, no_duplicates

# The same rule as overrides/crs/questions/fill-in.js normalizeAnswer: keep them in step.
_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def normalize_answer(text: str) -> str:
    """A fill-in answer as compared: NFKC, lower case, typographic quotes and dashes made plain,
    inner runs of space collapsed, and surrounding space and punctuation removed."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHIC).lower()
    text = re.sub(r"\s+", " ", text)
    start, end = 0, len(text)
    while start < end and _ignorable(text[start]):
        start += 1
    while end > start and _ignorable(text[end - 1]):
        end -= 1
    return text[start:end]


def _ignorable(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


class FillIn(QuestionType):
    name = "fill-in"

    def build(self, raw, lines, fail):
        answers = tuple(a.strip() for a in raw["answers"])
        for index, answer in enumerate(answers):
            if not normalize_answer(answer):
                found = f"'{answer}'" if answer.strip() else "an empty text"
                raise fail(
                    f"answers.{index}",
                    f"needs accepted answers with letters or digits, found {found}",
                )
        normalized = [normalize_answer(a) for a in answers]
        no_duplicates(
            normalized, "accepted answer (ignoring case and punctuation)", "answers", fail
        )
        return {"answers": answers, "feedback": raw["feedback"].strip()}

    def web(self, q, inline, block):
        return {}, {"answers": list(q.answers), "feedback": str(block(q.feedback))}

    def pack(self, q, key):
        return [key["answers"], key["feedback"]]

    def key_view(self, q, inline, block):
        return {"answers": list(q.answers), "hint": block(q.feedback) if q.feedback else None}

    def key_lines(self, q, inline, block):
        lines = [KeyLine(Markup("Accepted: ") + Markup(", ").join(q.answers), None, None)]
        if q.feedback:
            lines.append(KeyLine(Markup("Hint when not accepted"), None, block(q.feedback)))
        return lines

    def key_words(self, q):
        return list(q.answers)

    def correct_response(self, q):
        return q.answers[0]

    def grade(self, q, response):
        wanted = normalize_answer(response) if isinstance(response, str) else ""
        return bool(wanted) and any(normalize_answer(a) == wanted for a in q.answers)

    def sample_response(self, q, right, rng):
        return q.answers[0] if right else "not sure"

    # Quiz-bank exports (crs/exports/): `out` is the format's writer for this one question.
    # Moodle's short answer: every accepted answer at 100%, case ignored, and the hint as the
    # feedback of "*", its wildcard for any other response.
    def gift(self, q, out):
        for answer in q.answers:
            out.short(out.shortanswer(answer))
        out.short("*", grade="0", feedback=out.block(q.feedback))

    def moodle_xml(self, q, out):
        out.kind("shortanswer")
        out.value("usecase", "0")
        for answer in q.answers:
            out.answer("100", out.shortanswer(answer), html=False)
        out.answer("0", "*", out.block(q.feedback), html=False)
