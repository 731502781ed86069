"""Classify: put each item in one of the question's categories."""

from __future__ import annotations

import difflib

from markupsafe import Markup

from crs.questiontypes.base import Item, KeyLine, QuestionType, no_duplicates, one_paragraph
from crs.questiontypes.base import stable_key as key_of


class Classify(QuestionType):
    name = "classify"
    minutes = 2.0

    def handout_hint(self, q):
        return f" (write a category next to each: {', '.join(q.categories)})"

    def build(self, raw, lines, fail):
        categories = tuple(c.strip() for c in raw["categories"])
        no_duplicates(list(categories), "category", "categories", fail)
        items = []
        for index, item in enumerate(raw["items"]):
            category = item["category"].strip()
            if category not in categories:
                close = difflib.get_close_matches(category, categories, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise fail(
                    f"items.{index}.category",
                    f"puts item {index + 1} in category '{category}', which is not in its "
                    f"categories{hint}; expected one of: {', '.join(categories)}",
                )
            feedback = item["feedback"].strip()
            items.append(Item(item["text"].strip(), lines[f"items.{index}"], category, feedback))
        no_duplicates([i.text for i in items], "item text", "items", fail)
        one_paragraph([i.text for i in items], "items", fail)
        return {"categories": categories, "items": tuple(items)}

    def web(self, q, inline, block):
        view = {
            "categories": [{"key": key_of(c), "text": c} for c in q.categories],
            "items": [{"key": key_of(i.text), "text": inline(i.text)} for i in q.items],
        }
        key = {
            "categories": {key_of(c): c for c in q.categories},
            "items": {
                key_of(i.text): {"category": key_of(i.category), "feedback": str(block(i.feedback))}
                for i in q.items
            },
        }
        return view, key

    def pack(self, q, key):
        # Per item as shown: [its category's place among the categories shown, feedback].
        categories = list(key["categories"])
        return [[categories.index(i["category"]), i["feedback"]] for i in key["items"].values()]

    def worksheet(self, q, inline):
        return {"categories": list(q.categories), "items": [inline(i.text) for i in q.items]}

    def handout_choices(self, q, inline):
        return [inline(i.text) for i in q.items]

    def key_view(self, q, inline, block):
        sorted_items = [
            {"text": inline(i.text), "category": i.category, "feedback": block(i.feedback)}
            for i in q.items
        ]
        return {"sorted_items": sorted_items}

    def key_lines(self, q, inline, block):
        return [
            KeyLine(inline(i.text) + Markup(" → ") + i.category, None, block(i.feedback or ""))
            for i in q.items
        ]

    def key_words(self, q):
        return [i.category for i in q.items]

    def correct_response(self, q):
        return {key_of(i.text): key_of(i.category) for i in q.items}

    def sample_response(self, q, right, rng):
        answer = self.correct_response(q)
        if not right and len(q.categories) > 1:
            first = key_of(q.items[0].text)
            others = [key_of(c) for c in q.categories if key_of(c) != answer[first]]
            answer[first] = others[0]
        return answer

    # Quiz-bank exports (crs/exports/): `out` is the format's writer for this one question.
    # A matching question whose answers repeat (one per category). Matching has no feedback per
    # pair, so why each item belongs goes into the general feedback.
    def gift(self, q, out):
        for item in q.items:
            out.match(out.inline(item.text), item.category)
        out.add_feedback(self._why_each_item(q, out))

    def moodle_xml(self, q, out):
        out.kind("matching")
        out.value("shuffleanswers", "true")
        for item in q.items:
            out.subquestion(out.inline(item.text), item.category)
        out.add_feedback(self._why_each_item(q, out))

    def _why_each_item(self, q, out) -> str:
        rows = "".join(
            f"<li>{out.inline(item.text)} — <em>{Markup.escape(item.category)}</em>: "
            f"{out.inline(item.feedback)}</li>"
            for item in q.items
        )
        return f"<ul>{rows}</ul>"
