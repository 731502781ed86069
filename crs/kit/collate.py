"""Class summary of a folder of learners' submission files, for the notebook collate.ipynb.

The rules (what counts as answered, scores, most-missed questions, duplicates, late work,
damaged or foreign files) are the course site's own: collate.js, the code of its Class summary
page, run here in an embedded JavaScript engine (the PyPI package mini-racer). The course is
outline.json, written by the site's build. Both sit beside this file in the download; nothing
else of the course is needed.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

from py_mini_racer import MiniRacer

HERE = Path(__file__).resolve().parent


def read_files(folder: Path) -> list[dict]:
    """Every file in `folder` (hidden ones aside) as {name, text}; text is None when the file
    is not UTF-8 text, which collation reports rather than stopping on."""
    files = []
    for path in sorted(Path(folder).iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
        files.append({"name": path.name, "text": text})
    return files


class Course:
    """The course of `folder` (outline.json) and its collation rules (collate.js)."""

    def __init__(self, folder: Path = HERE):
        folder = Path(folder)
        self.outline = json.loads((folder / "outline.json").read_text(encoding="utf-8"))
        self._js = MiniRacer()
        self._js.eval((folder / "collate.js").read_text(encoding="utf-8"))
        self.prompts = {p["id"]: p for p in self.outline["prompts"]}
        self.questions = {
            q["id"]: {**q, "quiz": quiz["title"]}
            for quiz in self.outline["quizzes"]
            for q in quiz["questions"]
        }

    def summarise(self, folder: Path) -> dict:
        """The class summary of every file in `folder`, as the Class summary page shows it."""
        return self._js.call("crsCollate.collate", read_files(folder), self.outline)

    def answers_to(self, summary: dict, prompt_id: str) -> list[dict]:
        if prompt_id not in self.prompts:
            raise KeyError(
                f"no prompt '{prompt_id}' in this course; known: {', '.join(self.prompts)}"
            )
        return self._js.call("crsCollate.answersTo", summary, prompt_id)

    def markdown(self, summary: dict) -> str:
        return self._js.call("crsCollate.toMarkdown", summary, self.outline)

    def csv(self, summary: dict) -> str:
        return self._js.call("crsCollate.toCSV", summary)

    def export(self, summary: dict, folder: Path, name: str = "class-summary") -> list[Path]:
        """Write the Markdown file (reading, marking) and the CSV file (a gradebook)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for suffix, text in ((".md", self.markdown(summary)), (".csv", self.csv(summary))):
            path = folder / f"{name}{suffix}"
            # newline="" keeps the CSV's CRLF line ends as they are.
            with path.open("w", encoding="utf-8", newline="") as out:
                out.write(text)
            written.append(path)
        return written

    def link(self, href: str) -> str:
        """A course link: full when the site's address is known, else relative to the site."""
        base = self.outline.get("site_url") or ""
        return urljoin(base, href) if base else href
