"""Build two revisions of the course and compare what readers get: every page's HTML and the
text of both PDFs. A refactoring must leave both unchanged; this says where they differ.

Usage: .venv/bin/python scripts/compare_builds.py BEFORE AFTER   (git revisions; exit 1 on any
difference). Each revision is checked out in a temporary worktree and built with this checkout's
virtualenv and npm packages, with a fixed build date.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDFS = ("co-production-learner.pdf", "co-production-tutor.pdf")


def build(revision: str, folder: Path) -> dict[str, str]:
    """{relative path: text} of every page and of each PDF's text, for one revision."""
    tree = folder / "tree"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(tree), revision],
        check=True,
    )
    try:
        (tree / "node_modules").symlink_to(ROOT / "node_modules")
        env = {
            **os.environ,
            "PYTHONPATH": str(tree),  # the revision's own crs package, not this checkout's
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": "1764806400",
        }
        site = folder / "site"
        for command in (
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
            [sys.executable, "-m", "crs.pdf", "--out", str(site / "downloads")],
        ):
            done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
            if done.returncode:
                raise SystemExit(f"{revision}: {' '.join(command[2:4])} failed:\n{done.stderr}")
        outputs = {
            str(page.relative_to(site)): page.read_text(encoding="utf-8")
            for page in site.rglob("*.html")
            if "assets" not in page.relative_to(site).parts
        }
        for name in PDFS:
            outputs[name] = subprocess.run(
                ["pdftotext", "-layout", str(site / "downloads" / name), "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        return outputs
    finally:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True
        )


def differences(before: dict[str, str], after: dict[str, str]) -> list[str]:
    found = []
    for name in sorted(set(before) | set(after)):
        if name not in after or name not in before:
            found.append(f"{name}: only in {'before' if name in before else 'after'}")
        elif before[name] != after[name]:
            diff = difflib.unified_diff(
                before[name].splitlines(), after[name].splitlines(), name, name, lineterm="", n=1
            )
            found.append("\n".join(list(diff)[:40]))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before")
    parser.add_argument("after")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        before = build(args.before, Path(temp, "before"))
        after = build(args.after, Path(temp, "after"))
    found = differences(before, after)
    for difference in found:
        print(difference)
    pages = sum(name.endswith(".html") for name in after)
    print(f"{pages} pages and {len(PDFS)} PDFs compared: {len(found)} differ")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
