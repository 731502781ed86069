"""How much of SCORM 1.2's 4,096-character cmi.suspend_data the module needs, measured with the
package's own encoder (overrides/crs/scorm/suspend.js, run under Node) on the worst case: every
question checked with its largest response (all options ticked, fill-ins typed to 80
characters) and 99 attempts, every lesson marked done, no reflection. What is left is the room
for reflection answers; the ones that do not fit are told to the learner (record.js)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from crs import coursedata

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 4096

SCRIPT = """
import { encode } from "./suspend.mjs"
import { questionType } from "./questions.mjs"
const { model, keys } = JSON.parse(process.argv[2])
const largest = (key) => {
  const right = questionType(key.type).correctResponse(key)
  if (Array.isArray(right) && key.options) return Object.keys(key.options)
  if (typeof right === "string" && !key.options) return right.padEnd(80, "x")
  return right
}
const ids = model.lessons.flatMap((l) => l.quizzes.flatMap((q) => q.questions))
const quizzes = {}
const slots = {}
ids.forEach((id, n) => {
  const response = largest(keys[id])
  quizzes[id] = { response, checked: true, correct: true, revealed: false, attempts: 99 }
  slots[id] = n
})
const pages = model.lessons.map((l) => l.page)
const state = { course: model.course, saved: Date.now(), quizzes, pages, reflections: {}, slots }
const length = encode(state, keys, Infinity).text.length
console.log(JSON.stringify({ questions: ids.length, length }))
"""


def _script_text(page: str, opening: str) -> str:
    return re.search(rf"{re.escape(opening)}(.*?)</script>", page, re.S).group(1)


def worst_case(package: Path) -> dict:
    """{questions, length, limit, room}: the worst-case suspend data of a SCORM 1.2 zip."""
    with zipfile.ZipFile(package) as archive:
        launch = archive.read("scorm.html").decode("utf-8")
    data = {
        "model": coursedata.script_data(_script_text(launch, '<script id="crs-course">')),
        "keys": json.loads(
            _script_text(launch, '<script id="crs-scorm-keys" type="application/json">')
        ),
    }
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    sources = ROOT / "overrides" / "crs"
    with tempfile.TemporaryDirectory() as tmp:
        for name, source in (("suspend", "scorm/suspend.js"), ("questions", "questions/index.js")):
            subprocess.run(
                [str(esbuild), str(sources / source), "--bundle", "--format=esm",
                 f"--outfile={Path(tmp) / f'{name}.mjs'}", "--log-level=error"],
                check=True,
            )  # fmt: skip
        runner = Path(tmp) / "run.mjs"
        runner.write_text(SCRIPT, encoding="utf-8")
        result = subprocess.run(
            [shutil.which("node") or "node", str(runner), json.dumps(data)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    measured = json.loads(result.stdout)
    return {**measured, "limit": LIMIT, "room": LIMIT - measured["length"]}
