"""Where a strict build's time goes, ours against theirs: `mkdocs build --strict` of a project
run in this process under a stack sampler, written as JSON.

A sampler rather than cProfile: a deterministic profiler slows Python-heavy code (Markdown,
Jinja, our checks) far more than time spent waiting (esbuild, file writes), so its split of
ours against theirs is skewed; a sample of the whole stack every millisecond keeps the
proportions and counts a function once per sample however deep it recurses.

- ours: samples with a frame of the project's Python (crs/, overrides/hooks/) on the stack,
  each counted for the outermost such frame (the entry from MkDocs or Markdown into our code)
  and for every project function on the stack (cumulative);
- theirs: the other samples, counted for what they were spent on (`theirs` below).

Usage: python scripts/buildprofile.py PROJECT_DIR SITE_DIR OUT.json [--no-strict] (scripts/benchmark
--profile runs it; the figures go in its output).
"""

from __future__ import annotations

import collections
import functools
import json
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INTERVAL = 0.001


@functools.cache
def ours(filename: str, project: Path) -> str | None:
    """The path of a frame's file, if it is the project's Python code."""
    path = Path(filename)
    for base, folder in ((ROOT, ROOT / "crs"), (project, project / "overrides" / "hooks")):
        if path.suffix == ".py" and path.is_relative_to(folder):
            return path.relative_to(base).as_posix()
    return None


def theirs(stack: list) -> str:
    """What a sample outside our code is spent on: loading modules, else the package of the
    innermost frame outside the standard library (html.parser for Material's search plugin is
    counted as Material's), else the standard library."""
    if any(filename.startswith("<frozen importlib") for filename, _, _ in stack):
        return "imports"
    for filename, _, _ in stack:
        parts = Path(filename).parts
        if "site-packages" in parts:
            return parts[parts.index("site-packages") + 1].removesuffix(".py")
        if filename.endswith(".html"):
            return "jinja2 (templates)"
    return "python stdlib"


def sample(target: threading.Thread, stacks: list) -> None:
    while target.is_alive():
        frame = sys._current_frames().get(target.ident)
        stack = []
        while frame is not None:
            code = frame.f_code
            stack.append((code.co_filename, code.co_firstlineno, code.co_name))
            frame = frame.f_back
        stacks.append(stack)  # innermost first
        time.sleep(INTERVAL)


def profile(project: Path, site: Path, strict: bool = True) -> dict:
    from mkdocs.__main__ import cli

    os.chdir(project)
    args = [
        "build",
        *(["--strict"] if strict else []),
        "-q",
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(site),
    ]
    failure: list[BaseException] = []

    def run() -> None:
        try:
            cli.main(args, standalone_mode=False)
        except BaseException as error:  # reported after the sampler stops
            failure.append(error)

    stacks: list = []
    sys.setswitchinterval(INTERVAL / 2)
    builder = threading.Thread(target=run)
    started = time.perf_counter()
    builder.start()
    sample(builder, stacks)
    builder.join()
    seconds = time.perf_counter() - started
    if failure:
        raise SystemExit(f"build of {project} failed: {failure[0]}")
    return summarise(stacks, seconds, project)


def summarise(stacks: list, seconds: float, project: Path) -> dict:
    per_sample = seconds / max(1, len(stacks))
    entries: collections.Counter = collections.Counter()
    cumulative: collections.Counter = collections.Counter()
    spent: collections.Counter = collections.Counter()
    for stack in stacks:
        mine = [(ours(f, project), line, name) for f, line, name in stack if ours(f, project)]
        if mine:
            entries[f"{mine[-1][0]}:{mine[-1][1]} {mine[-1][2]}"] += 1
            for key in {f"{path}:{line} {name}" for path, line, name in mine}:
                cumulative[key] += 1
        elif stack:
            spent[theirs(stack)] += 1
    ours_n = sum(entries.values())

    def top(counter: collections.Counter, n: int = 12) -> list:
        return [[name, round(count * per_sample, 3)] for name, count in counter.most_common(n)]

    return {
        "seconds": round(seconds, 3),
        "samples": len(stacks),
        "ours_s": round(ours_n * per_sample, 3),
        "theirs_s": round((len(stacks) - ours_n) * per_sample, 3),
        "ours_entries": top(entries),
        "ours_cumulative": top(cumulative),
        "theirs_by_package": top(spent),
    }


def main() -> None:
    project, site, out = (Path(a).resolve() for a in sys.argv[1:4])
    strict = "--no-strict" not in sys.argv[4:]
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.path.insert(0, str(project))
    report = profile(project, site, strict)
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
