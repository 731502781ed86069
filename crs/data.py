"""Course data files, each read once per change.

MkDocs makes a new Markdown instance per page, so blocks would otherwise reload every YAML file
for every page. Values are cached per folder and dropped when any file in it changes (serve).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

_memo: dict[tuple[str, Path], tuple[tuple, Any]] = {}


def _stamp(folder: Path) -> tuple:
    # rglob: a change to a schema (docs/_data/schemas/) checks the data again too
    files = (p for p in folder.rglob("*") if p.is_file())
    return tuple(sorted((str(p.relative_to(folder)), p.stat().st_mtime_ns) for p in files))


def _cached(name: str, folder: Path, load: Callable[[], Any]) -> Any:
    folder = folder.resolve()
    stamp = _stamp(folder)
    hit = _memo.get((name, folder))
    if hit and hit[0] == stamp:
        return hit[1]
    value = load()
    _memo[(name, folder)] = (stamp, value)
    return value


def quizzes(quizzes_dir: Path) -> dict:
    from crs.quizzes import load_quizzes

    return _cached("quizzes", quizzes_dir, lambda: load_quizzes(quizzes_dir))


def references(data_dir: Path) -> dict:
    from crs.bibliography import load_references

    return _cached("references", data_dir, lambda: load_references(data_dir / "references.yml"))


def activities(data_dir: Path) -> dict:
    from crs.activities import load_activities

    return _cached(
        "activities",
        data_dir,
        lambda: load_activities(data_dir / "activities.yml", references(data_dir)),
    )


def glossary(data_dir: Path) -> list:
    from crs.glossary import load_glossary

    return _cached("glossary", data_dir, lambda: load_glossary(data_dir / "glossary.yml"))
