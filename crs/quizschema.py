"""quizzes/schema.json errors in the author's words: which question, option or item, what was
expected and what was found, at the YAML line to edit."""

from __future__ import annotations

import difflib
from typing import Any

import jsonschema
import yaml

from crs.errors import CourseError
from crs.questiontypes import TYPES
from crs.yamlsource import key_line, line_of, node_at

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
_JSON_TYPES = {
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "integer": "a whole number",
    "number": "a number",
}


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        return f"'{value}'" if value.strip() else "an empty text"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a mapping"
    return f"the number {value} (put it in quotes to make it text)"


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


def _schema_message(error: jsonschema.ValidationError, data: Any) -> tuple[list, str]:
    """(path of the object the error is about, message) for one schema error."""
    path = list(error.absolute_path)
    value = error.instance
    kind = error.validator
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = next(k for k in value if k not in allowed)
        close = difflib.get_close_matches(extra, allowed, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return path + [extra], (
            f"{_where(data, path)} has an unknown key '{extra}'{hint}; "
            f"expected only: {', '.join(allowed)}"
        )
    if kind == "required":
        missing = next(k for k in error.validator_value if k not in value)
        owner = _where(data, path)
        qtype = value.get("type") if isinstance(value, dict) else None
        if owner.startswith("question") and isinstance(qtype, str) and qtype in TYPES:
            owner += f" of type '{qtype}'"
        hint = _KEY_HINTS.get(missing)
        return path, f"{owner} is missing '{missing}'" + (f" (expected {hint})" if hint else "")
    name = _field(data, path)
    if kind == "enum" and path and path[-1] == "type":
        return path, (
            f"{_where(data, path[:-1])} has an unknown type {describe(value)}; "
            f"expected one of: {', '.join(TYPES)}"
        )
    if kind == "type":
        expected = error.validator_value
        return (
            path,
            f"{name} must be {_JSON_TYPES.get(expected, expected)}, found {describe(value)}",
        )
    if kind == "minItems":
        count = error.validator_value
        noun = _NOUNS.get(str(path[-1]), "item") if path else "item"
        owner = _where(data, path[:-1])
        qtype = _question_type(data, path)
        if owner.startswith("question") and qtype:
            owner += f" of type '{qtype}'"
        found = f"found {len(value)}" if value else "found an empty list"
        return path, f"{owner} needs at least {count} {noun}{'s' if count > 1 else ''}, {found}"
    if kind in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return path, f"{name} must not be empty, found {describe(value)}"
    if kind == "pattern" and path and path[-1] == "id":
        return path, (
            f"{name} must be lowercase letters, digits and single hyphens (e.g. models-3), "
            f"found {describe(value)}"
        )
    if kind == "pattern" and path and path[-1] == "page":
        return path, f"{name} must look like 'models.md#some-heading', found {describe(value)}"
    if kind == "minLength":
        return path, (
            f"{name} must be at least {error.validator_value} characters long, "
            f"found {describe(value)}"
        )
    return path, f"{name}: {error.message}"


def _question_type(data: Any, path: list) -> str | None:
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        question = data["questions"][path[1]]
        if isinstance(question, dict) and question.get("type") in TYPES:
            return question["type"]
    return None


_RANK = {"additionalProperties": 0, "enum": 1, "type": 1, "required": 3}


def validate_schema(data: Any, root: yaml.Node, schema: dict, label: str) -> None:
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in validator.iter_errors(data):
        target, message = _schema_message(error, data)
        path = list(error.absolute_path)
        if error.validator == "additionalProperties":
            line = key_line(root, path, target[-1])
        else:
            line = line_of(node_at(root, path))
        owner = path if error.validator in ("additionalProperties", "required") else path[:-1]
        problems.append(
            (line_of(node_at(root, owner)), _RANK.get(error.validator, 2), line, message)
        )
    if problems:
        _, _, line, message = min(problems)
        raise CourseError(label, line, message)
