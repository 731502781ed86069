"""YAML course files checked against their JSON Schema, each error at the line to edit.

One code path for every data file: quizzes (quizzes/schema.json), references, glossary and
activities (docs/_data/schemas/) and lesson front matter. A file is composed with line marks,
turned into plain data (a key written twice is an error), validated with jsonschema, and the
first problem in file order is reported as `file:line: <what>, found <what>`. Each caller
says how its parts are named (Words): "question 'models-3'", "entry 'ostrom-1996'"...
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from crs import yamlnodes
from crs.errors import CourseError, display_path  # noqa: F401 (its users import it here)

JSON_TYPES = {
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "integer": "a whole number",
    "number": "a number",
}


@dataclass(frozen=True)
class Words:
    """How a file's parts are named in errors.

    where(data, path) names who owns the value at path ("question 'models-3'"); value_name(data,
    path) names the value itself ("'prompt' of question 'models-3'"; default: built from where);
    owner(data, path) may add to the owner's name in 'missing'/'too few' errors; hints say what
    to write for a missing key; nouns name one item of a list key; patterns say in words what a
    pattern-checked key must look like.
    """

    where: Callable[[Any, list], str]
    value_name: Callable[[Any, list], str] | None = None
    owner: Callable[[Any, list], str] | None = None
    hints: Mapping[str, str] = field(default_factory=dict)
    nouns: Mapping[str, str] = field(default_factory=dict)
    patterns: Mapping[str, str] = field(default_factory=dict)

    def name(self, data: Any, path: list) -> str:
        if self.value_name:
            return self.value_name(data, path)
        if not path:
            return "the file"
        if isinstance(path[-1], int):
            return self.where(data, path)
        return f"'{path[-1]}' of {self.where(data, path[:-1])}"

    def owner_of(self, data: Any, path: list) -> str:
        return self.owner(data, path) if self.owner else self.where(data, path)


def load_schema(path: Path, what: str) -> dict:
    """The JSON Schema of one kind of file (what: 'quiz', 'references'...)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CourseError(
            display_path(path), None, f"expected the {what} JSON Schema here: {exc}"
        ) from exc


def compose_text(text: str, label: str, first_line: int = 1) -> yaml.Node | None:
    """The node tree of a YAML text; a syntax error names the line where the author must edit
    (where an unclosed quote or bracket opened). first_line: the file line of the text's start."""
    try:
        # Blank lines in front keep every mark on the file's own line numbers.
        root = yamlnodes.compose("\n" * (first_line - 1) + text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        context_mark = getattr(exc, "context_mark", None)
        detail = f"{problem} ({context})" if context else problem
        if context_mark and "end of stream" in problem:
            at = context_mark.line + 1
            detail = f"{problem} ({context} that starts here)"
        raise CourseError(
            label, at, f"expected valid YAML, found a syntax error: {detail}"
        ) from exc
    return root


def compose_file(path: Path, label: str) -> yaml.Node | None:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CourseError(label, None, f"cannot read the file: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise CourseError(label, None, "expected UTF-8 text, found other bytes") from exc
    return compose_text(text, label)


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def plain(node: yaml.Node, label: str) -> Any:
    """Python data of a node. Keys stay the text the author typed ('true', not True), and a key
    written twice is an error, since YAML would silently keep only the last one."""
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if key in result:
                raise CourseError(
                    label, line(key_node), f"expected each key once, found '{key}' twice"
                )
            result[key] = plain(value_node, label)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [plain(item, label) for item in node.value]
    return yamlnodes.value_of(node)


def node_at(root: yaml.Node, path: Iterable[str | int]) -> yaml.Node:
    """The deepest node along a data path (the value node for mapping keys)."""
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == part), None)
            if match is None:
                return node
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return node
            node = node.value[part]
        else:
            return node
    return node


def key_line(root: yaml.Node, path: list, key: str) -> int:
    node = node_at(root, path)
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if key_node.value == key:
                return line(key_node)
    return line(node)


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


def _message(error: jsonschema.ValidationError, data: Any, words: Words) -> tuple[list, str]:
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
            f"{words.where(data, path)} has an unknown key '{extra}'{hint}; "
            f"expected only: {', '.join(allowed)}"
        )
    if kind == "required":
        missing = next(k for k in error.validator_value if k not in value)
        hint = words.hints.get(missing)
        return path, f"{words.owner_of(data, path)} is missing '{missing}'" + (
            f" (expected {hint})" if hint else ""
        )
    if kind == "not" and "required" in error.validator_value:  # a key not allowed in this case
        key = next(k for k in error.validator_value["required"] if k in value)
        return path + [key], f"{words.owner_of(data, path)} cannot have '{key}'"
    name = words.name(data, path)
    if kind == "enum" and path and path[-1] == "type":
        return path, (
            f"{words.where(data, path[:-1])} has an unknown type {describe(value)}; "
            f"expected one of: {', '.join(map(str, error.validator_value))}"
        )
    if kind == "enum":
        choices = ", ".join(map(str, error.validator_value))
        return path, f"{name} must be one of: {choices}, found {describe(value)}"
    if kind == "type":
        expected = error.validator_value
        kinds = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(JSON_TYPES.get(k, k) for k in kinds)
        if path and "title" in error.schema:  # a part with a name of its own, e.g. "a name"
            wanted = error.schema["title"]
        return path, f"{name} must be {wanted}, found {describe(value)}"
    if kind == "minItems":
        count = error.validator_value
        noun = words.nouns.get(str(path[-1]), "item") if path else "item"
        owner = words.owner_of(data, path[:-1])
        found = f"found {len(value)}" if value else "found an empty list"
        return path, f"{owner} needs at least {count} {noun}{'s' if count > 1 else ''}, {found}"
    if kind in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return path, f"{name} must not be empty, found {describe(value)}"
    key = next((str(p) for p in reversed(path) if isinstance(p, str)), "")  # of a list item too
    if kind == "pattern" and key in words.patterns:
        return path, f"{name} must be {words.patterns[key]}, found {describe(value)}"
    if kind == "minLength":
        return path, (
            f"{name} must be at least {error.validator_value} characters long, "
            f"found {describe(value)}"
        )
    if kind in ("minimum", "exclusiveMinimum", "maximum"):
        relation = {"minimum": "at least", "exclusiveMinimum": "more than"}.get(kind, "at most")
        return path, f"{name} must be {relation} {error.validator_value}, found {describe(value)}"
    if kind in ("anyOf", "oneOf") and "title" in error.schema:
        return path, f"{name} must be {error.schema['title']}, found {describe(value)}"
    return path, f"{name}: {error.message}"


def _specific(errors: Iterable[jsonschema.ValidationError], validator) -> Iterable:
    """Errors with an 'any of these shapes' error replaced by what is wrong inside the one
    shape of the same kind as the value (a mapping with a misspelt key is told about the key)."""
    for error in errors:
        if error.validator in ("anyOf", "oneOf") and error.context:
            same_kind = {
                index
                for index, branch in enumerate(error.validator_value)
                if "type" in branch and validator.is_type(error.instance, branch["type"])
            }
            inner = [e for e in error.context if e.relative_schema_path[0] in same_kind]
            if inner:
                yield from _specific(inner, validator)
                continue
        yield error


_RANK = {"additionalProperties": 0, "enum": 1, "type": 1, "required": 3}


def validate(data: Any, root: yaml.Node, schema: dict, label: str, words: Words) -> None:
    """Raise the first schema problem in file order as `label:line: message`."""
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in _specific(validator.iter_errors(data), validator):
        target, message = _message(error, data, words)
        path = list(error.absolute_path)
        if error.validator in ("additionalProperties", "not"):
            at = key_line(root, path, target[-1])
        else:
            at = line(node_at(root, path))
        owner = (
            path if error.validator in ("additionalProperties", "required", "not") else path[:-1]
        )
        problems.append((line(node_at(root, owner)), _RANK.get(error.validator, 2), at, message))
    if problems:
        _, _, at, message = min(problems)
        raise CourseError(label, at, message)
