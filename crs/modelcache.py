"""The checked course model, kept on disk between runs, keyed on everything the load reads.

Every build, PDF, export and `scripts/check` starts a fresh process that loads the course:
reads every page, quiz and data file and runs every authoring check on them (a tenth of a
second for this module, seconds at 40 modules). When nothing the load reads has changed since
a load that passed, its result is the same: it is read back from .cache/model/ instead.

The key is a digest of all the load depends on, so a stale entry is never found:
- every file (names and bytes) under the folders the load reads: docs/ (pages, data files and
  their schemas, includes, files that links point to), quizzes/, the data and include folders
  when mkdocs.yml puts them elsewhere;
- the project settings from mkdocs.yml (nav, Markdown pipeline, strict, exclusions, ...);
- the working directory (errors and warnings name paths relative to it);
- the code: crs/ as this process imported it (its files' bytes, read once a process), the
  Python version, every installed distribution with its version, and any Markdown extension
  that is a module of the project.

Only a load that passed is kept, with its warnings (printed again on every run); a load with
faults runs its checks again every time, so every run reports them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from crs import diskcache
from crs.project import BLOCKS_EXTENSION, INCLUDE_EXTENSION, Project

CACHE = Path(".cache", "model")
KEEP = 4  # entries kept: the newest, and a few to go back to (an edit undone)
M = TypeVar("M")


def load(
    project: Project, load_checked: Callable[[Project], M], attach: Callable[[M, Project], M]
) -> M:
    """The model `load_checked(project)` returns, from the cache when its inputs are unchanged.
    The entry holds the model without its project and text pipeline (not data); `attach(kept,
    project)` gives them back."""
    entry = project.root / CACHE / f"{digest(project)}.pickle"
    kept = diskcache.read(entry)
    if kept is not None:
        return attach(kept, project)
    the_model = load_checked(project)
    diskcache.write(entry, dataclasses.replace(the_model, project=None, text=None), KEEP)
    return the_model


def digest(project: Project) -> str:
    """Digest of everything the course load of `project` reads or depends on."""
    found = hashlib.sha256()
    code = [diskcache.code_version(), diskcache.local_modules(project.extensions)]
    for part in (code, os.getcwd(), settings(project)):
        found.update(json.dumps(part, sort_keys=True, default=repr).encode() + b"\0")
    for folder in input_folders(project):
        found.update(f"{folder}\0".encode())
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(folder).as_posix()
            found.update(f"{name}\0".encode() + hashlib.sha256(path.read_bytes()).digest())
    return found.hexdigest()


def settings(project: Project) -> dict:
    """The project as the load sees it, as data. The blocks' page context (which the build
    puts in their configuration after the load) is not an input."""
    configs = dict(project.extension_configs)
    configs[BLOCKS_EXTENSION] = {
        k: v for k, v in configs.get(BLOCKS_EXTENSION, {}).items() if k != "context"
    }
    return {
        **{f.name: getattr(project, f.name) for f in dataclasses.fields(project)},
        "extension_configs": configs,
        "exclude_docs": _patterns(project.exclude_docs),
        "not_in_nav": _patterns(project.not_in_nav),
    }


def _patterns(spec) -> list[str] | None:
    return None if spec is None else [str(p.pattern) for p in spec.patterns]


def input_folders(project: Project) -> list[Path]:
    """The folders whose files the load reads, none inside another."""
    base = project.extension_configs.get(INCLUDE_EXTENSION, {}).get("base_path", ".")
    folders = sorted({project.docs, project.quizzes, project.data, (project.root / base).resolve()})
    return [f for f in folders if not any(f != o and f.is_relative_to(o) for o in folders)]
