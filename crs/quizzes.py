"""Quizzes: the one loader, validator and renderer of quizzes/<quiz-id>.yml.

Used by the build (crs.site, crs.blocks), the tests and every exporter (PDF, tutor guide), so
a quiz means the same thing everywhere. The file format is quizzes/schema.json; this module
validates with that schema, maps each schema error back to the YAML line the author must edit,
then checks the rules a schema cannot say (one correct option, known categories, course-wide
unique ids). crs.grounding checks each answer key against the page text; crs.safehtml turns
quiz Markdown into HTML that cannot run.

Flow: load_quizzes -> check_usage, grounding.check_grounding (build time) -> render_quiz.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jsonschema
import yaml
from markupsafe import Markup

from crs import yamlnodes
from crs.errors import CourseError
from crs.safehtml import inline_html, sanitize_html
from crs.templating import render

TYPES = ("single", "multiple", "true-false", "fill-in", "classify", "order")


# --------------------------------------------------------------------------------------------
# The course model of a quiz
# --------------------------------------------------------------------------------------------


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
class Quiz:
    id: str
    title: str
    intro: str | None
    questions: tuple[Question, ...]
    path: Path
    line: int


# --------------------------------------------------------------------------------------------
# Answer matching (the same rule as overrides/crs/quizzes.js normalizeAnswer: keep them in step)
# --------------------------------------------------------------------------------------------

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
    inner runs of space collapsed, and surrounding space and punctuation removed.

    overrides/crs/quizzes.js implements the same steps (normalizeAnswer) for the browser.
    """
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


def accepts(question: Question, typed: str) -> bool:
    """Whether a fill-in question accepts the typed answer."""
    wanted = normalize_answer(typed)
    return bool(wanted) and any(normalize_answer(a) == wanted for a in question.answers)


# --------------------------------------------------------------------------------------------
# Reading YAML with lines
# --------------------------------------------------------------------------------------------


def display_path(path: Path) -> str:
    """The path as errors show it: relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _compose(path: Path, label: str) -> yaml.Node | None:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CourseError(label, None, f"cannot read the file: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise CourseError(label, None, "expected UTF-8 text, found other bytes") from exc
    try:
        return yamlnodes.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        context_mark = getattr(exc, "context_mark", None)
        detail = f"{problem} ({context})" if context else problem
        if context_mark and "end of stream" in problem:
            # An unclosed quote or bracket: the author must edit where it opened.
            line = context_mark.line + 1
            detail = f"{problem} ({context} that starts here)"
        raise CourseError(
            label, line, f"expected valid YAML, found a syntax error: {detail}"
        ) from exc


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _plain(node: yaml.Node, label: str) -> Any:
    """Python data of a node. Keys stay the text the author typed ('true', not True), and a key
    written twice is an error, since YAML would silently keep only the last one."""
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if key in result:
                raise CourseError(
                    label, _line(key_node), f"expected each key once, found '{key}' twice"
                )
            result[key] = _plain(value_node, label)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, label) for item in node.value]
    return yamlnodes.value_of(node)


def _node_at(root: yaml.Node, path: Iterable[str | int]) -> yaml.Node:
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


def _key_line(root: yaml.Node, path: list, key: str) -> int:
    node = _node_at(root, path)
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if key_node.value == key:
                return _line(key_node)
    return _line(node)


# --------------------------------------------------------------------------------------------
# Schema errors in the author's words
# --------------------------------------------------------------------------------------------

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


def _describe(value: Any) -> str:
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
            f"{_where(data, path[:-1])} has an unknown type {_describe(value)}; "
            f"expected one of: {', '.join(TYPES)}"
        )
    if kind == "type":
        expected = error.validator_value
        return (
            path,
            f"{name} must be {_JSON_TYPES.get(expected, expected)}, found {_describe(value)}",
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
        return path, f"{name} must not be empty, found {_describe(value)}"
    if kind == "pattern" and path and path[-1] == "id":
        return path, (
            f"{name} must be lowercase letters, digits and single hyphens (e.g. models-3), "
            f"found {_describe(value)}"
        )
    if kind == "pattern" and path and path[-1] == "page":
        return path, f"{name} must look like 'models.md#some-heading', found {_describe(value)}"
    if kind == "minLength":
        return path, (
            f"{name} must be at least {error.validator_value} characters long, "
            f"found {_describe(value)}"
        )
    return path, f"{name}: {error.message}"


def _question_type(data: Any, path: list) -> str | None:
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        question = data["questions"][path[1]]
        if isinstance(question, dict) and question.get("type") in TYPES:
            return question["type"]
    return None


_RANK = {"additionalProperties": 0, "enum": 1, "type": 1, "required": 3}


def _validate_schema(data: Any, root: yaml.Node, schema: dict, label: str) -> None:
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in validator.iter_errors(data):
        target, message = _schema_message(error, data)
        path = list(error.absolute_path)
        if error.validator == "additionalProperties":
            line = _key_line(root, path, target[-1])
        else:
            line = _line(_node_at(root, path))
        owner = path if error.validator in ("additionalProperties", "required") else path[:-1]
        problems.append(
            (_line(_node_at(root, owner)), _RANK.get(error.validator, 2), line, message)
        )
    if problems:
        _, _, line, message = min(problems)
        raise CourseError(label, line, message)


# --------------------------------------------------------------------------------------------
# Loading and the rules a schema cannot say
# --------------------------------------------------------------------------------------------


def load_schema(quiz_dir: Path) -> dict:
    path = Path(quiz_dir) / "schema.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CourseError(
            display_path(path), None, f"expected the quiz JSON Schema here: {exc}"
        ) from exc


def load_quiz(path: Path, schema: dict) -> Quiz:
    """One quiz file: YAML, then the schema, then the rules a schema cannot say."""
    path = Path(path)
    label = display_path(path)
    root = _compose(path, label)
    if root is None:
        raise CourseError(label, 1, "expected a quiz (id, title, questions), found an empty file")
    data = _plain(root, label)
    if not isinstance(data, dict):
        raise CourseError(label, _line(root), f"expected a quiz mapping, found {_describe(data)}")
    _validate_schema(data, root, schema, label)

    if data["id"] != path.stem:
        raise CourseError(
            label,
            _line(_node_at(root, ["id"])),
            f"expected the quiz id to be the file name '{path.stem}', found '{data['id']}'",
        )
    questions = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data["questions"]):
        question = _question(raw, root, ["questions", index], label)
        if question.id in seen:
            raise CourseError(
                label,
                question.line_of("id"),
                f"question id '{question.id}' is already used at line {seen[question.id]}; "
                "question ids must be unique across the course",
            )
        seen[question.id] = question.line_of("id")
        questions.append(question)
    return Quiz(
        id=data["id"],
        title=data["title"].strip(),
        intro=data.get("intro"),
        questions=tuple(questions),
        path=path,
        line=1,
    )


def _lines_of(node: yaml.Node, prefix: str = "") -> dict[str, int]:
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            name = f"{prefix}{key_node.value}"
            lines[name] = _line(key_node)
            lines.update(_lines_of(value_node, name + "."))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[f"{prefix}{index}"] = _line(item)
            lines.update(_lines_of(item, f"{prefix}{index}."))
    return lines


def _question(raw: dict, root: yaml.Node, path: list, label: str) -> Question:
    node = _node_at(root, path)
    lines = _lines_of(node)
    qid, qtype = raw["id"], raw["type"]
    name = f"question '{qid}' of type '{qtype}'"

    def fail(where: str, message: str) -> CourseError:
        return CourseError(label, lines.get(where, _line(node)), f"{name} {message}")

    for key in ("prompt",):
        if re.search(r"\n\s*\n", raw[key].strip()):
            raise fail(
                key,
                f"needs a one-paragraph '{key}' (it is the question's legend), "
                "found blank lines; move the detail into 'explanation'",
            )
    page, _, anchor = raw["source"]["page"].partition("#")
    common = dict(
        id=qid,
        type=qtype,
        prompt=raw["prompt"].strip(),
        explanation=raw["explanation"].strip(),
        source_page=page,
        source_anchor=anchor,
        source_quote=raw["source"]["quote"].strip(),
        line=_line(node),
        lines=lines,
    )
    if qtype in ("single", "multiple"):
        options = tuple(
            Option(o["text"].strip(), o["correct"], o["feedback"].strip(), lines[f"options.{i}"])
            for i, o in enumerate(raw["options"])
        )
        _no_duplicates([o.text for o in options], "option text", "options", fail)
        _one_paragraph([o.text for o in options], "options", fail)
        correct = sum(o.correct for o in options)
        if qtype == "single" and correct != 1:
            which = [str(i + 1) for i, o in enumerate(options) if o.correct]
            detail = f" (options {' and '.join(which)})" if which else ""
            raise fail("options", f"needs exactly 1 correct option, found {correct}{detail}")
        if qtype == "multiple" and correct == 0:
            raise fail("options", "needs at least 1 correct option, found 0")
        return Question(**common, options=options)
    if qtype == "true-false":
        feedback = {key: raw["feedback"][key].strip() for key in ("true", "false")}
        return Question(**common, answer=raw["answer"], feedback=feedback)
    if qtype == "fill-in":
        answers = tuple(a.strip() for a in raw["answers"])
        for index, answer in enumerate(answers):
            if not normalize_answer(answer):
                raise fail(
                    f"answers.{index}",
                    f"needs accepted answers with letters or digits, found {_describe(answer)}",
                )
        normalized = [normalize_answer(a) for a in answers]
        _no_duplicates(
            normalized, "accepted answer (ignoring case and punctuation)", "answers", fail
        )
        return Question(**common, answers=answers, feedback=raw["feedback"].strip())
    if qtype == "classify":
        categories = tuple(c.strip() for c in raw["categories"])
        _no_duplicates(categories, "category", "categories", fail)
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
            items.append(
                Item(
                    item["text"].strip(),
                    lines[f"items.{index}"],
                    category,
                    item["feedback"].strip(),
                )
            )
        _no_duplicates([i.text for i in items], "item text", "items", fail)
        _one_paragraph([i.text for i in items], "items", fail)
        return Question(**common, categories=categories, items=tuple(items))
    # order (the schema admits no other type)
    items = tuple(Item(text.strip(), lines[f"items.{i}"]) for i, text in enumerate(raw["items"]))
    _no_duplicates([i.text for i in items], "item text", "items", fail)
    _one_paragraph([i.text for i in items], "items", fail)
    return Question(**common, items=items)


def _no_duplicates(values: list[str], noun: str, key: str, fail) -> None:
    seen: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in seen:
            raise fail(
                f"{key}.{index}",
                f"has the {noun} '{value}' twice ({key} {seen[value] + 1} and {index + 1}); "
                f"expected each {noun} once",
            )
        seen[value] = index


def _one_paragraph(values: list[str], key: str, fail) -> None:
    for index, value in enumerate(values):
        if re.search(r"\n\s*\n", value):
            raise fail(
                f"{key}.{index}",
                f"needs one-paragraph texts in '{key}' (they are labels), "
                f"found blank lines in {key[:-1]} {index + 1}",
            )


def load_quizzes(quiz_dir: Path, schema: dict | None = None) -> dict[str, Quiz]:
    """Every quizzes/*.yml, checked with quiz_dir/schema.json; question ids unique course-wide."""
    quiz_dir = Path(quiz_dir)
    schema = schema if schema is not None else load_schema(quiz_dir)
    quizzes: dict[str, Quiz] = {}
    owners: dict[str, tuple[Quiz, Question]] = {}
    for path in sorted(quiz_dir.glob("*.y*ml")):
        if path.suffix == ".yaml":
            raise CourseError(display_path(path), None, "expected the extension .yml, found .yaml")
        quiz = load_quiz(path, schema)
        for question in quiz.questions:
            if question.id in owners:
                first_quiz, first = owners[question.id]
                raise CourseError(
                    display_path(quiz.path),
                    question.line_of("id"),
                    f"question id '{question.id}' is already used at "
                    f"{display_path(first_quiz.path)}:{first.line_of('id')}; "
                    "question ids must be unique across the course",
                )
            owners[question.id] = (quiz, question)
        quizzes[quiz.id] = quiz
    return quizzes


def check_usage(
    quizzes: Mapping[str, Quiz],
    used: Mapping[str, tuple[str, int] | Iterable[tuple[str, int]]],
) -> list[CourseError]:
    """Each `/// quiz | id` names an existing quiz (else CourseError at the page and line);
    returns, unraised, one CourseError per quiz that no page uses: a warning unless strict.

    `used` maps quiz id -> (page, line) of a block using it, or a list of such pairs.
    """
    for quiz_id, uses in used.items():
        if quiz_id in quizzes:
            continue
        page, line = uses if _is_pair(uses) else next(iter(uses))
        known = ", ".join(sorted(quizzes)) or "none"
        raise CourseError(
            page,
            line,
            f"quiz block names '{quiz_id}', but there is no quiz with that id "
            f"(expected a file quizzes/{quiz_id}.yml); known quizzes: {known}",
        )
    return [
        CourseError(
            display_path(quiz.path),
            quiz.line,
            f"quiz '{quiz.id}' is used by no page; "
            f"embed it in a lesson with '/// quiz | {quiz.id}' ... '///'",
        )
        for quiz in quizzes.values()
        if quiz.id not in used
    ]


def _is_pair(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str)


# --------------------------------------------------------------------------------------------
# Rendering: view data for crs/templates/quiz.html, and the key the script grades with
# --------------------------------------------------------------------------------------------


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


def render_quiz(
    quiz: Quiz,
    render_markdown: Callable[[str], str],
    heading_level: int = 2,
    pdf_href: str = "",
) -> str:
    """The quiz as semantic HTML (crs/templates/quiz.html); answer keys only in its JSON script.
    pdf_href: the learner edition (PDF) from the page, offered when JavaScript is off.

    Whatever render_markdown returns is sanitised again, so a page pipeline passed in here can
    never let raw HTML from a quiz run.
    """

    def block(text: str) -> Markup:
        return Markup(sanitize_html(render_markdown(text)))

    def inline(text: str) -> Markup:
        return inline_html(sanitize_html(render_markdown(text)))

    questions = []
    key: dict[str, Any] = {"quiz": quiz.id, "questions": {}}
    for number, q in enumerate(quiz.questions, start=1):
        view: dict[str, Any] = {
            "id": q.id,
            "type": q.type,
            "number": number,
            "prompt": inline(q.prompt),
        }
        entry: dict[str, Any] = {"type": q.type, "explanation": str(block(q.explanation))}
        if q.type in ("single", "multiple"):
            view["options"] = [
                {"key": stable_key(o.text), "text": inline(o.text)} for o in q.options
            ]
            entry["options"] = {
                stable_key(o.text): {"correct": o.correct, "feedback": str(block(o.feedback))}
                for o in q.options
            }
        elif q.type == "true-false":
            view["options"] = [{"key": "true", "text": "True"}, {"key": "false", "text": "False"}]
            entry["answer"] = q.answer
            entry["feedback"] = {k: str(block(v)) for k, v in q.feedback.items()}
        elif q.type == "fill-in":
            entry["answers"] = list(q.answers)
            entry["feedback"] = str(block(q.feedback))
        elif q.type == "classify":
            view["categories"] = [{"key": stable_key(c), "text": c} for c in q.categories]
            view["items"] = [{"key": stable_key(i.text), "text": inline(i.text)} for i in q.items]
            entry["categories"] = {stable_key(c): c for c in q.categories}
            entry["items"] = {
                stable_key(i.text): {
                    "category": stable_key(i.category),
                    "feedback": str(block(i.feedback)),
                }
                for i in q.items
            }
        else:  # order
            view["items"] = [
                {
                    "key": stable_key(i.text),
                    "text": inline(i.text),
                    "plain": inline(i.text).striptags(),
                }
                for i in shuffled_order(q)
            ]
            entry["order"] = [stable_key(i.text) for i in q.items]
        questions.append(SimpleNamespace(**view))
        key["questions"][q.id] = entry
    return render(
        "quiz.html",
        quiz=quiz,
        intro=block(quiz.intro) if quiz.intro else None,
        questions=questions,
        key=key,
        heading_level=heading_level,
        pdf_href=pdf_href,
    )
