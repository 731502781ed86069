"""quizzes/schema.json errors in the author's words: which question, option or item, what was
expected and what was found (crs.schemacheck reports them at the YAML line to edit)."""

from __future__ import annotations

from typing import Any

from crs import schemacheck
from crs.questiontypes import TYPES

_KEY_HINTS = {
    "id": "an id such as models-3",
    "title": "a line of text",
    "questions": "a list of questions",
    "type": f"one of {', '.join(TYPES)}",
    "prompt": "the question, in Markdown",
    "explanation": "Markdown shown once the question is answered",
    "source": "{page: <page.md>#<anchor>, quote: <short phrase from that section>}",
    "page": "<page.md>#<anchor>",
    "quote": "a short phrase copied from that section",
    "options": "a list of {text, correct, feedback}",
    "text": "a line of text",
    "correct": "true or false",
    "answer": "true or false",
    "answers": "a list of accepted answers",
    "categories": "a list of category names",
    "items": "a list of items",
    "category": "one of the question's categories",
}
_NOUNS = {
    "questions": "question",
    "options": "option",
    "items": "item",
    "answers": "accepted answer",
    "categories": "category",
}


def _where(data: Any, path: list) -> str:
    """Who owns the value at path, e.g. "option 2 of question 'models-3'"."""
    if not path:
        return "the quiz"
    if path[0] != "questions" or len(path) < 2 or not isinstance(path[1], int):
        return "the quiz"
    question = data["questions"][path[1]]
    qid = question.get("id") if isinstance(question, dict) else None
    name = f"question '{qid}'" if isinstance(qid, str) else f"question {path[1] + 1}"
    if len(path) >= 4 and isinstance(path[3], int):
        return f"{_NOUNS.get(path[2], path[2])} {path[3] + 1} of {name}"
    if len(path) >= 3 and path[2] in ("source", "feedback"):
        return f"the {path[2]} of {name}"
    return name


def _field(data: Any, path: list) -> str:
    """The value at path named for an author, e.g. "'prompt' of question 'models-3'"."""
    if not path:
        return "the file"
    last = path[-1]
    if isinstance(last, int):
        parent = path[:-1]
        if parent == ["questions"]:
            return _where(data, path)
        if len(parent) >= 3:
            return _where(data, path)
        return f"item {last + 1} of '{parent[-1]}'"
    return f"'{last}' of {_where(data, path[:-1])}"


def _question_type(data: Any, path: list) -> str | None:
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        question = data["questions"][path[1]]
        if isinstance(question, dict) and question.get("type") in TYPES:
            return question["type"]
    return None


def _owner(data: Any, path: list) -> str:
    """The owner named with its question type, for 'missing' and 'too few' errors."""
    owner = _where(data, path)
    qtype = _question_type(data, path)
    return owner + (f" of type '{qtype}'" if owner.startswith("question") and qtype else "")


WORDS = schemacheck.Words(
    where=_where,
    value_name=_field,
    owner=_owner,
    hints=_KEY_HINTS,
    nouns=_NOUNS,
    patterns={
        "id": "lowercase letters, digits and single hyphens (e.g. models-3)",
        "page": "like 'models.md#some-heading'",
    },
)
