"""Order: put the items in sequence; authors write them in the correct order."""

from __future__ import annotations

from markupsafe import Markup

from crs.questiontypes.base import (
    Item,
    KeyLine,
    QuestionType,
    no_duplicates,
    one_paragraph,
    shuffled_order,
)
from crs.questiontypes.base import stable_key as key_of


class Order(QuestionType):
    name = "order"
    minutes = 1.5

    def handout_hint(self, q):
        return " (number them in order)"

    def build(self, raw, lines, fail):
        items = tuple(
            Item(text.strip(), lines[f"items.{i}"]) for i, text in enumerate(raw["items"])
        )
        no_duplicates([i.text for i in items], "item text", "items", fail)
        one_paragraph([i.text for i in items], "items", fail)
        return {"items": items}

    def web(self, q, inline, block):
        shown = [
            {"key": key_of(i.text), "text": inline(i.text), "plain": inline(i.text).striptags()}
            for i in shuffled_order(q)
        ]
        return {"items": shown}, {"order": self.correct_response(q)}

    def pack(self, q, key):
        # The right order as places in the order shown.
        shown = [key_of(i.text) for i in shuffled_order(q)]
        return [shown.index(item) for item in key["order"]]

    def worksheet(self, q, inline):
        return {"items": [inline(i.text) for i in shuffled_order(q)]}

    def handout_choices(self, q, inline):
        return [inline(i.text) for i in shuffled_order(q)]

    def key_view(self, q, inline, block):
        return {"correct_order": [inline(i.text) for i in q.items]}

    def key_lines(self, q, inline, block):
        return [
            KeyLine(Markup(f"{n}. ") + inline(i.text), None, None) for n, i in enumerate(q.items, 1)
        ]

    def key_words(self, q):
        return [i.text for i in q.items]

    def correct_response(self, q):
        return [key_of(i.text) for i in q.items]

    def sample_response(self, q, right, rng):
        order = self.correct_response(q)
        return order if right else order[1:] + order[:1]

    # Quiz-bank exports (crs/exports/): `out` is the format's writer for this one question.
    def gift(self, q, out):
        out.comment(
            "order question: GIFT has no core ordering type, so each item is matched to its "
            "position (1st, 2nd, ...); Moodle XML exports it as an ordering question"
        )
        for position, item in enumerate(q.items, start=1):
            out.match(out.inline(item.text), out.ordinal(position))

    def moodle_xml(self, q, out):
        # Core ordering (Moodle 4.4+): answers in the correct order, their fractions the
        # positions; all items shown, one mark share per item in its right place (as GIFT's
        # matching grades it).
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
            out.answer(str(position), out.inline(item.text))
