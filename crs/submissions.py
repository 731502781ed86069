"""Collating learners' submissions: a folder of JSON files, read, checked and summarised.

A submission is what "Download my submission" saves on the assignment page (or "Export JSON" on My
workspace): the workspace export format (docs/assets/crs/workspace-export.schema.json), plus
`assignment` (what was set) and `learner` (the name typed). Every file is checked against that
schema; a file that cannot be read, is not a workspace export, belongs to another course or was
written by a newer format is reported and skipped, never fatal.

Flow: outline (the course: prompts and quiz questions) -> read_folder -> summaries -> export.
The tutor notebook docs/tutor/collate.ipynb calls these; so do the tests.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "docs" / "assets" / "crs" / "workspace-export.schema.json"
# The labelled sample class (in a course project) that scripts/sample_submissions.py writes and
# the tutor notebook reads.
SAMPLE_CLASS = Path("docs", "tutor", "sample-class")
FORMAT = "crs-workspace"
FORMAT_VERSION = 1


# --------------------------------------------------------------------------------------------
# The course, as far as collation needs it
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str
    lesson: str


@dataclass(frozen=True)
class QuizOutline:
    id: str
    title: str
    questions: tuple[str, ...]
    lesson: str


@dataclass(frozen=True)
class Outline:
    course: str
    prompts: dict[str, Prompt]
    quizzes: dict[str, QuizOutline]

    def quiz_of(self, question_id: str) -> QuizOutline | None:
        return next((q for q in self.quizzes.values() if question_id in q.questions), None)


def outline_from_summary(summary: dict) -> Outline:
    """From the course summary every page embeds (crs.course.summary)."""
    prompts: dict[str, Prompt] = {}
    quizzes: dict[str, QuizOutline] = {}
    for lesson in summary["lessons"]:
        for r in lesson["reflections"]:
            prompts[r["id"]] = Prompt(r["id"], r["prompt"], lesson["title"])
        for q in lesson["quizzes"]:
            quizzes[q["id"]] = QuizOutline(
                q["id"], q["title"], tuple(q["questions"]), lesson["title"]
            )
    return Outline(summary["course"], prompts, quizzes)


def load_outline(project: Path = ROOT) -> Outline:
    """The course of a project folder (its mkdocs.yml), read and checked as the build does."""
    from crs import model

    return outline_from_summary(model.load(Path(project)).summary())


# --------------------------------------------------------------------------------------------
# Reading files
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    file: str
    learner: str
    assignment: dict | None
    exported_at: str
    answers: dict[str, str]  # prompt id -> text (blank answers left out)
    quiz_states: dict[str, dict]  # question id -> state saved by overrides/crs/quizzes.js

    @property
    def assignment_id(self) -> str:
        return (self.assignment or {}).get("id") or "(whole course)"


@dataclass(frozen=True)
class Problem:
    file: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"


@dataclass
class Collection:
    outline: Outline
    submissions: list[Submission] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _where(error: jsonschema.ValidationError) -> str:
    path = "/".join(str(p) for p in error.absolute_path)
    return f" at '{path}'" if path else ""


def read_submission(path: Path, outline: Outline) -> Submission | Problem:
    """One file: a Submission, or the Problem that keeps it out (never raises for bad input)."""
    name = Path(path).name
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return Problem(name, "not a text file (expected UTF-8 JSON)")
    except OSError as error:
        return Problem(name, f"cannot be read ({error.strerror or error})")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return Problem(name, f"damaged: not valid JSON (line {error.lineno}: {error.msg})")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return Problem(name, 'not a course submission (no "format": "crs-workspace"); skipped')
    if data.get("course") != outline.course:
        return Problem(
            name, f"belongs to another course ('{data.get('course')}', not '{outline.course}')"
        )
    version = data.get("schema")
    if isinstance(version, int) and version > FORMAT_VERSION:
        return Problem(name, f"written by a newer format ({version}; this reads {FORMAT_VERSION})")
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        return Problem(
            name, f"does not match the submission format{_where(first)}: {first.message}"
        )
    assignment = data.get("assignment")
    if assignment is not None and not (
        isinstance(assignment, dict)
        and isinstance(assignment.get("id"), str)
        and all(isinstance(assignment.get(k, []), list) for k in ("prompts", "quizzes"))
    ):
        return Problem(name, "its 'assignment' is damaged (expected id, prompts and quizzes)")
    learner = data.get("learner")
    if not isinstance(learner, str) or not learner.strip():
        learner = Path(name).stem
    answers = {
        pid: entry["text"] for pid, entry in data["answers"].items() if entry["text"].strip()
    }
    states = {
        qid: entry["value"]
        for qid, entry in data["quizzes"].items()
        if isinstance(entry["value"], dict)
    }
    return Submission(name, learner.strip(), assignment, data["exported_at"], answers, states)


def read_folder(folder: Path, outline: Outline) -> Collection:
    """Every *.json file in `folder` (sorted by name). When a learner handed in the same
    assignment twice, the later export counts and the earlier is reported."""
    collection = Collection(outline)
    latest: dict[tuple[str, str], Submission] = {}
    for path in sorted(Path(folder).glob("*.json")):
        result = read_submission(path, outline)
        if isinstance(result, Problem):
            collection.problems.append(result)
            continue
        key = (result.learner.casefold(), result.assignment_id)
        earlier = latest.get(key)
        if earlier is None:
            latest[key] = result
            continue
        older, newer = sorted((earlier, result), key=lambda s: s.exported_at)
        latest[key] = newer
        collection.problems.append(
            Problem(older.file, f"an earlier submission by {older.learner}; {newer.file} is used")
        )
    collection.submissions = sorted(latest.values(), key=lambda s: (s.assignment_id, s.learner))
    return collection


# --------------------------------------------------------------------------------------------
# What each submission was asked, and how it did
# --------------------------------------------------------------------------------------------


def asked_prompts(sub: Submission, outline: Outline) -> list[str]:
    """Prompt ids the submission was asked: its assignment's, else every prompt of the course."""
    ids = (sub.assignment or {}).get("prompts") if sub.assignment else list(outline.prompts)
    return [pid for pid in ids if pid in outline.prompts]


def asked_questions(sub: Submission, outline: Outline) -> list[str]:
    quiz_ids = (sub.assignment or {}).get("quizzes") if sub.assignment else list(outline.quizzes)
    return [
        qid
        for quiz in quiz_ids
        if quiz in outline.quizzes
        for qid in outline.quizzes[quiz].questions
    ]


def question_result(state: dict | None) -> str:
    """'correct', 'wrong' (checked and not right, or the answer was shown) or 'unanswered'.
    Same rule as overrides/crs/model.js questionState."""
    if not state or state.get("checked") is not True:
        return "unanswered"
    return "correct" if state.get("correct") is True and not state.get("revealed") else "wrong"


@dataclass(frozen=True)
class Row:
    learner: str
    assignment: str
    file: str
    exported_at: str
    prompts_answered: int
    prompts_asked: int
    correct: int
    answered: int
    questions: int

    @property
    def score(self) -> float | None:
        """Share of the asked questions answered correctly (None when no quiz was asked)."""
        return self.correct / self.questions if self.questions else None


def who_submitted(collection: Collection) -> list[Row]:
    rows = []
    for sub in collection.submissions:
        prompts = asked_prompts(sub, collection.outline)
        questions = asked_questions(sub, collection.outline)
        results = [question_result(sub.quiz_states.get(q)) for q in questions]
        rows.append(
            Row(
                sub.learner,
                sub.assignment_id,
                sub.file,
                sub.exported_at,
                sum(1 for p in prompts if p in sub.answers),
                len(prompts),
                results.count("correct"),
                len(results) - results.count("unanswered"),
                len(results),
            )
        )
    return rows


def completion_per_prompt(collection: Collection) -> dict[str, tuple[int, int]]:
    """prompt id -> (learners who answered it, learners who were asked it), in course order."""
    counts = {pid: [0, 0] for pid in collection.outline.prompts}
    for sub in collection.submissions:
        for pid in asked_prompts(sub, collection.outline):
            counts[pid][1] += 1
            counts[pid][0] += pid in sub.answers
    return {pid: (done, asked) for pid, (done, asked) in counts.items() if asked}


def score_distribution(collection: Collection) -> list[float]:
    """Each submission's share of asked quiz questions answered correctly (0..1)."""
    return [row.score for row in who_submitted(collection) if row.score is not None]


@dataclass(frozen=True)
class Missed:
    question: str
    quiz: str
    wrong: int
    unanswered: int
    asked: int


def most_missed(collection: Collection, limit: int = 10) -> list[Missed]:
    """Questions by how many learners got them wrong (then left them unanswered)."""
    wrong: Counter[str] = Counter()
    unanswered: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    for sub in collection.submissions:
        for qid in asked_questions(sub, collection.outline):
            asked[qid] += 1
            result = question_result(sub.quiz_states.get(qid))
            wrong[qid] += result == "wrong"
            unanswered[qid] += result == "unanswered"
    ranked = sorted(asked, key=lambda q: (-wrong[q], -unanswered[q], q))
    return [
        Missed(q, collection.outline.quiz_of(q).id, wrong[q], unanswered[q], asked[q])
        for q in ranked[:limit]
        if wrong[q] or unanswered[q]
    ]


def answers_to(collection: Collection, prompt_id: str) -> list[tuple[str, str]]:
    """(learner, answer) for every submission asked this prompt; '' when left blank."""
    if prompt_id not in collection.outline.prompts:
        known = ", ".join(collection.outline.prompts)
        raise KeyError(f"no prompt '{prompt_id}' in this course; known prompts: {known}")
    return [
        (sub.learner, sub.answers.get(prompt_id, ""))
        for sub in collection.submissions
        if prompt_id in asked_prompts(sub, collection.outline)
    ]


# --------------------------------------------------------------------------------------------
# Export for reading and marking
# --------------------------------------------------------------------------------------------


def _quote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.strip().split("\n"))


def to_markdown(collection: Collection, prompt_ids: list[str] | None = None) -> str:
    """All answers, prompt by prompt, side by side for reading and marking."""
    outline = collection.outline
    ids = prompt_ids or list(completion_per_prompt(collection))
    lines = [f"# Collated answers ({outline.course})", ""]
    lines += [f"{len(collection.submissions)} submissions."]
    if collection.problems:
        lines += ["", "Files skipped or superseded:", ""]
        lines += [f"- {problem}" for problem in collection.problems]
    for pid in ids:
        prompt = outline.prompts[pid]
        lines += ["", f"## {pid}", "", f"_{prompt.lesson}_", "", _quote(prompt.text)]
        for learner, text in answers_to(collection, pid):
            lines += ["", f"### {learner}", "", text.strip() or "_No answer._"]
    rows = who_submitted(collection)
    if any(row.questions for row in rows):
        lines += [
            "",
            "## Quiz scores",
            "",
            "| Learner | Assignment | Correct | Answered | Questions |",
        ]
        lines += ["| --- | --- | --- | --- | --- |"]
        lines += [
            f"| {r.learner} | {r.assignment} | {r.correct} | {r.answered} | {r.questions} |"
            for r in rows
        ]
    return "\n".join(lines) + "\n"


def to_csv(collection: Collection) -> str:
    """One row per submission: who, which assignment, quiz score, then one column per prompt."""
    prompt_ids = list(completion_per_prompt(collection))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "learner",
            "assignment",
            "file",
            "exported_at",
            "correct",
            "answered",
            "questions",
            *prompt_ids,
        ]
    )
    for sub, row in zip(collection.submissions, who_submitted(collection), strict=True):
        writer.writerow(
            [
                row.learner,
                row.assignment,
                row.file,
                row.exported_at,
                row.correct,
                row.answered,
                row.questions,
                *(sub.answers.get(pid, "") for pid in prompt_ids),
            ]
        )
    return out.getvalue()


def export(collection: Collection, path: Path) -> Path:
    """Write the collation to `path`: Markdown for .md, CSV for .csv."""
    path = Path(path)
    if path.suffix not in (".md", ".csv"):
        raise ValueError(f"export to a .md or .csv file, not '{path.name}'")
    text = to_markdown(collection) if path.suffix == ".md" else to_csv(collection)
    path.write_text(text, encoding="utf-8")
    return path
