"""What the caches under .cache/ share: the version of the code that made an entry, and entries
written whole and read back safely.

An entry is named after a digest of everything its value depends on, so an entry is found only
for the very same inputs and code; an entry that cannot be read is a miss, written again.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


@functools.cache
def code_version() -> list:
    """The code an entry was made with: crs/ (read once a process, as it was imported: serve
    does not reload it), Python, and every installed distribution with its version (Markdown
    and its extensions, jsonschema, PyYAML, ...)."""
    code = hashlib.sha256()
    sources = (p for p in _PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in sorted(sources):
        code.update(f"{path.relative_to(_PACKAGE).as_posix()}\0".encode() + path.read_bytes())
    installed = sorted(
        {
            entry.name
            for folder in _distribution_folders()
            for entry in folder.iterdir()
            if entry.suffix in (".dist-info", ".egg-info")
        }
    )
    return [code.hexdigest(), sys.version, installed]


def _distribution_folders() -> set[Path]:
    """The folders on sys.path that can hold installed distributions. Each once, however often
    or however spelled sys.path names it; not the checkout, whose metadata (the egg-info of an
    editable install) describes crs/, read above, and which is on sys.path only in some
    processes (as the current folder, or added by pytest): with it, two processes of the same
    code would disagree."""
    folders = {Path(entry).resolve() for entry in sys.path}
    return {folder for folder in folders if folder.is_dir() and folder != _PACKAGE.parent}


def local_modules(names: Iterable[Any]) -> list[str]:
    """Digests of the Markdown extensions in `names` that are modules of the project rather
    than of an installed distribution (whose version code_version has)."""
    found = []
    for name in names:
        spec = importlib.util.find_spec(name) if isinstance(name, str) else None
        origin = Path(spec.origin) if spec and spec.origin else None
        if origin and origin.is_file() and "site-packages" not in origin.parts:
            if not origin.is_relative_to(_PACKAGE):
                found.append(hashlib.sha256(origin.read_bytes()).hexdigest())
    return found


def read(entry: Path) -> Any | None:
    """The value kept in `entry`, or None."""
    try:
        value = pickle.loads(entry.read_bytes())
        os.utime(entry)  # in use: among the newest when old entries are removed
    except FileNotFoundError:
        return None
    except Exception:  # a damaged entry is a miss, and is written again
        return None
    return value


def write(entry: Path, value: Any, keep: int) -> None:
    """Keep `value` in `entry`, renamed into place so that no reader finds half of it, and
    remove all but the newest `keep` entries of its folder. A value that cannot be kept is not."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    entry.parent.mkdir(parents=True, exist_ok=True)
    partial = entry.with_name(f"{entry.name}.{os.getpid()}")
    partial.write_bytes(data)
    partial.replace(entry)
    written = {}
    for path in entry.parent.glob(f"*{entry.suffix}"):
        try:
            written[path] = path.stat().st_mtime_ns
        except FileNotFoundError:  # removed by another process meanwhile
            continue
    for stale in sorted(written, key=written.get, reverse=True)[keep:]:
        stale.unlink(missing_ok=True)
