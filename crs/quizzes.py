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

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

from crs import schemacheck
from crs.coursetext import CourseText
from crs.errors import CourseError, Faults
from crs.questiontypes import ENTRIES, entry_for
from crs.questiontypes.base import Question
from crs.quizschema import WORDS
from crs.schemacheck import compose_file, describe, display_path, node_at, plain
from crs.schemacheck import line as line_of
from crs.templating import render

# --------------------------------------------------------------------------------------------
# The course model of a quiz
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quiz:
    id: str
    title: str
    intro: str | None
    questions: tuple[Question, ...]
    path: Path
    line: int


# --------------------------------------------------------------------------------------------
# Loading and the rules a schema cannot say
# --------------------------------------------------------------------------------------------


def load_schema(quiz_dir: Path) -> dict:
    return schemacheck.load_schema(Path(quiz_dir) / "schema.json", "quiz")


def load_quiz(path: Path, schema: dict) -> Quiz:
    """One quiz file: YAML, then the schema, then the rules a schema cannot say."""
    path = Path(path)
    label = display_path(path)
    root = compose_file(path, label)
    if root is None:
        raise CourseError(label, 1, "expected a quiz (id, title, questions), found an empty file")
    data = plain(root, label)
    if not isinstance(data, dict):
        raise CourseError(label, line_of(root), f"expected a quiz mapping, found {describe(data)}")
    schemacheck.validate(data, root, schema, label, WORDS)

    if data["id"] != path.stem:
        raise CourseError(
            label,
            line_of(node_at(root, ["id"])),
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


def lines_of(node: yaml.Node, prefix: str = "") -> dict[str, int]:
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            name = f"{prefix}{key_node.value}"
            lines[name] = line_of(key_node)
            lines.update(lines_of(value_node, name + "."))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[f"{prefix}{index}"] = line_of(item)
            lines.update(lines_of(item, f"{prefix}{index}."))
    return lines


def _question(raw: dict, root: yaml.Node, path: list, label: str) -> Question:
    node = node_at(root, path)
    lines = lines_of(node)
    qid, qtype = raw["id"], raw["type"]
    name = f"question '{qid}' of type '{qtype}'"

    def fail(where: str, message: str) -> CourseError:
        return CourseError(label, lines.get(where, line_of(node)), f"{name} {message}")

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
        line=line_of(node),
        lines=lines,
    )
    return Question(**common, **ENTRIES[qtype].build(raw, lines, fail))


def load_quizzes(quiz_dir: Path, schema: dict | None = None) -> dict[str, Quiz]:
    """Every quizzes/*.yml, checked with quiz_dir/schema.json; question ids unique course-wide.
    A file's first fault is collected and the next file read, so one run reports every file."""
    quiz_dir = Path(quiz_dir)
    schema = schema if schema is not None else load_schema(quiz_dir)
    quizzes: dict[str, Quiz] = {}
    owners: dict[str, tuple[Quiz, Question]] = {}
    faults = Faults()
    for path in sorted(quiz_dir.glob("*.y*ml")):
        if path.suffix == ".yaml":
            faults.add(
                CourseError(display_path(path), None, "expected the extension .yml, found .yaml")
            )
            continue
        with faults.gather():
            quiz = load_quiz(path, schema)
            quizzes[quiz.id] = quiz
            for question in quiz.questions:
                if question.id in owners:
                    first_quiz, first = owners[question.id]
                    faults.add(
                        CourseError(
                            display_path(quiz.path),
                            question.line_of("id"),
                            f"question id '{question.id}' is already used at "
                            f"{display_path(first_quiz.path)}:{first.line_of('id')}; "
                            "question ids must be unique across the course",
                        )
                    )
                owners.setdefault(question.id, (quiz, question))
    faults.raise_any()
    return quizzes


def check_usage(
    quizzes: Mapping[str, Quiz],
    used: Mapping[str, tuple[str, int] | Iterable[tuple[str, int]]],
) -> list[CourseError]:
    """Each `/// quiz | id` names an existing quiz (else CourseError at each page and line);
    returns, unraised, one CourseError per quiz that no page uses: a warning unless strict.

    `used` maps quiz id -> (page, line) of a block using it, or a list of such pairs.
    """
    faults = Faults()
    for quiz_id, uses in used.items():
        if quiz_id in quizzes:
            continue
        page, line = uses if _is_pair(uses) else next(iter(uses))
        known = ", ".join(sorted(quizzes)) or "none"
        faults.add(
            CourseError(
                page,
                line,
                f"quiz block names '{quiz_id}', but there is no quiz with that id "
                f"(expected a file quizzes/{quiz_id}.yml); known quizzes: {known}",
            )
        )
    faults.raise_any()
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


def _parts(q: Question, text: CourseText) -> tuple[dict, dict]:
    """(what the question's template shows, its key): from its registry entry's `web`."""
    shown, entry = entry_for(q).web(q, text.inline, text.block)
    return shown, {"type": q.type, "explanation": str(text.block(q.explanation)), **entry}


def grading_key(quiz: Quiz, text: CourseText) -> dict[str, Any]:
    """The key the browser grades a quiz with, and the SCORM launch page reports against."""
    return {"quiz": quiz.id, "questions": {q.id: _parts(q, text)[1] for q in quiz.questions}}


def render_quiz(quiz: Quiz, text: CourseText, heading_level: int = 2, pdf_href: str = "") -> str:
    """The quiz as semantic HTML (crs/templates/quiz.html); answer keys only in its packed
    attribute. Course text renders through the model's one pipeline, which sanitises.
    pdf_href: the learner edition (PDF) from the page, offered when JavaScript is off."""
    questions, packed = [], []
    for number, q in enumerate(quiz.questions, start=1):
        shown, key = _parts(q, text)
        packed.append([key["explanation"], *entry_for(q).pack(q, key)])
        view = {"id": q.id, "type": q.type, "number": number, "prompt": text.inline(q.prompt)}
        questions.append(SimpleNamespace(**view, **shown))
    return render(
        "quiz.html",
        quiz=quiz,
        intro=text.block(quiz.intro) if quiz.intro else None,
        questions=questions,
        key=packed,
        heading_level=heading_level,
        pdf_href=pdf_href,
    )
