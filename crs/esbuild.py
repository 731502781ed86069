"""esbuild, run only when one of its inputs changed.

Every build bundles the front end (crs.frontend) and the notebook download's collation rules
(crs.collation); each esbuild run is a fresh process, a quarter of a second on a busy machine,
which a build of an unchanged front end need not pay. The output of a run is kept in
.cache/esbuild/, keyed on esbuild's version and arguments, with the bytes of every file esbuild
read for it (its metafile lists them, npm packages included): the next identical run whose
inputs are all unchanged copies the output instead of running.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from crs.errors import CourseError

CACHE = Path(".cache", "esbuild")


def bundle(root: Path, args: list[str], outdir: Path, label: str) -> None:
    """Run esbuild from `root` with `args` (entry points and options, paths relative to root;
    no output options) into `outdir`. A failure is a CourseError on `label`."""
    executable = root / "node_modules" / ".bin" / "esbuild"
    if not executable.exists():
        raise CourseError(
            "package.json", None, "esbuild is missing: run `npm ci` (scripts/serve does)"
        )
    key = json.dumps([_version(root), args])
    entry = root / CACHE / hashlib.sha256(key.encode()).hexdigest()[:16]
    if not _fresh(root, entry):
        _run(root, executable, args, entry, label)
    shutil.copytree(entry / "out", outdir, dirs_exist_ok=True)


def _version(root: Path) -> str:
    package = root / "node_modules" / "esbuild" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fresh(root: Path, entry: Path) -> bool:
    """Whether the cached run's inputs are all unchanged (a removed input is a change)."""
    try:
        inputs = json.loads((entry / "inputs.json").read_text(encoding="utf-8"))
        return all(_digest(root / name) == digest for name, digest in inputs.items())
    except (OSError, ValueError):
        return False


def _run(root: Path, executable: Path, args: list[str], entry: Path, label: str) -> None:
    # Written beside the entry and renamed into place, so an interrupted run leaves no entry
    # that looks complete.
    work = entry.with_name(f"{entry.name}.{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    done = subprocess.run(
        [
            str(executable),
            *args,
            f"--outdir={work / 'out'}",
            f"--metafile={work / 'meta.json'}",
            "--log-level=error",
        ],
        cwd=root,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        shutil.rmtree(work, ignore_errors=True)
        raise CourseError(label, None, done.stderr.strip())
    meta = json.loads((work / "meta.json").read_text(encoding="utf-8"))
    inputs = {name: _digest(root / name) for name in sorted(meta["inputs"])}
    (work / "inputs.json").write_text(json.dumps(inputs, indent=1), encoding="utf-8")
    shutil.rmtree(entry, ignore_errors=True)
    work.rename(entry)
