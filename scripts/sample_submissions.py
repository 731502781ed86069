#!/usr/bin/env python3
"""Write a SAMPLE class of submissions into docs/tutor/sample-class/ for the collation notebook.

Every learner is fictional and labelled SAMPLE; answers are made up, quiz answers chosen at random
(seeded, so the files only change when the course does). One learner hands in late, one twice
(the older copy is superseded), and three files are wrong on purpose: one damaged (not valid
JSON), one foreign (a JSON file from some other tool) and one of another course, to show that the
class summary reports and skips them.

    .venv/bin/python scripts/sample_submissions.py [--out FOLDER]

Run it again after changing prompts or quizzes, then rebuild the site.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crs import collation, model  # noqa: E402
from crs.questiontypes import entry_for  # noqa: E402

OUT = ROOT / collation.SAMPLE_CLASS
# The workspace export format (overrides/crs/exchange.js FORMAT, VERSION).
FORMAT, FORMAT_VERSION = "crs-workspace", 1
STAMP = "2026-11-20T10:00:00.000Z"
LEARNERS = [  # (name, how likely each quiz answer is right, how many prompts they answer)
    ("SAMPLE Ada Fictional", 0.9, 1.0),
    ("SAMPLE Ben Madeup", 0.7, 1.0),
    ("SAMPLE Chloe Notreal", 0.55, 0.7),
    ("SAMPLE Dev Example", 0.8, 1.0),
    ("SAMPLE Esi Placeholder", 0.4, 0.5),
    ("SAMPLE Farid Invented", 0.65, 1.0),
    ("SAMPLE Gwen Imaginary", 0.75, 0.8),
    ("SAMPLE Hugo Pretend", 0.5, 0.4),
]
OPENINGS = [
    "In my own area,",
    "From what I have seen at work,",
    "Thinking of the library and the bus service,",
    "Honestly, I am not sure yet, but",
    "Where I live,",
    "In the youth club I volunteer at,",
]
SENTENCES = [
    "people are asked for their views but rarely share the decisions.",
    "the council runs a consultation each year, which feels more like informing than co-producing.",
    "a residents' group already maintains the park together with the council.",
    "trust between staff and residents would have to grow first.",
    "the biggest barrier is time: volunteers cannot give as much as staff expect.",
    "a pilot with one service would show whether sharing power saves money or adds value.",
]


def learner_file(name: str, skill: float, diligence: float, state, assignment, rng) -> dict:
    quizzes = {}
    for quiz_id in assignment["quizzes"]:
        for question in state.course.quizzes[quiz_id].questions:
            if rng.random() > diligence + 0.2:
                continue  # not attempted
            right = rng.random() < skill
            revealed = not right and rng.random() < 0.2
            quizzes[question.id] = {
                "value": {
                    "response": entry_for(question).sample_response(question, right, rng),
                    "checked": True,
                    "correct": right,
                    "revealed": revealed,
                    "attempts": 1 if right else rng.randint(1, 3),
                },
                "updated": STAMP,
            }
    answers = {}
    for prompt_id in assignment["prompts"]:
        if rng.random() <= diligence:
            text = f"{rng.choice(OPENINGS)} {' '.join(rng.sample(SENTENCES, 2))}"
            answers[prompt_id] = {"text": f"(SAMPLE answer) {text}", "updated": STAMP}
    return {
        "format": FORMAT,
        "schema": FORMAT_VERSION,
        "course": model.COURSE_ID,
        "version": "sample",
        "exported_at": STAMP,
        "answers": answers,
        "quizzes": quizzes,
        "pages": {},
        "assignment": assignment,
        "learner": name,
    }


def write_sample(out: Path, project: Path = ROOT) -> list[Path]:
    state = model.load(project)
    prompts = [r.id for r in state.course.reflections]
    quizzes = [q for page in state.course.lessons for q, _ in page.quiz_uses]
    assignment = {
        "id": "sample-week-1",
        "title": "SAMPLE: Week 1 reflections and quizzes",
        "due": "2026-11-27",
        "instructions": "SAMPLE assignment made for the collation notebook's example output.",
        "prompts": prompts[:4],
        "quizzes": quizzes[:3],
    }
    rng = random.Random(6)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    written = []
    for name, skill, diligence in LEARNERS:
        data = learner_file(name, skill, diligence, state, assignment, rng)
        path = out / f"sample-week-1-{name.lower().replace(' ', '-')}.json"
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    broken = out / "sample-damaged-file.json"
    broken.write_text(
        '{"format": "crs-workspace", "course": "co-production", "answers": {', "utf-8"
    )
    late = json.loads(written[-1].read_text(encoding="utf-8"))
    late["exported_at"] = "2026-11-29T18:30:00.000Z"  # two days after the due date
    written[-1].write_text(json.dumps(late, indent=2, ensure_ascii=False) + "\n", "utf-8")
    ben = json.loads(written[1].read_text(encoding="utf-8"))
    older = {**ben, "exported_at": "2026-11-19T08:00:00.000Z", "answers": {}}
    earlier = out / "sample-week-1-sample-ben-madeup-first-try.json"
    earlier.write_text(json.dumps(older, indent=2, ensure_ascii=False) + "\n", "utf-8")
    other = out / "sample-other-course.json"
    stranger = {**ben, "course": "sample-another-course", "learner": "SAMPLE Ben Madeup"}
    other.write_text(json.dumps(stranger, indent=2, ensure_ascii=False) + "\n", "utf-8")
    foreign = out / "sample-foreign-file.json"
    foreign.write_text(
        json.dumps({"name": "SAMPLE shopping list", "items": ["tea", "bread"]}, indent=2) + "\n",
        encoding="utf-8",
    )
    return [*written, earlier, other, broken, foreign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder to write (default {OUT})")
    args = parser.parse_args()
    for path in write_sample(args.out):
        print(path)


if __name__ == "__main__":
    main()
