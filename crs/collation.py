"""The class summary's build side: the course outline as data, the Class summary page, and the
notebook download.

The rules of collation live once, in overrides/crs/collate.js (with collate-export.js). The page
runs them in the browser; the notebook download carries them bundled (collate.js) with a small
Python runner (crs/kit/collate.py) that runs them in an embedded JavaScript engine, and the
outline as outline.json, so it needs no course checkout. Nothing here imports crs.site: the hook
passes in the course it loaded.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from crs import esbuild
from crs.model import COURSE_ID, CourseModel
from crs.templating import render

KIT_SOURCES = Path(__file__).parent / "kit"
# Relative to the project root.
NOTEBOOK = Path("docs", "tutor", "collate.ipynb")
SAMPLE_CLASS = Path("docs", "tutor", "sample-class")
KIT_ENTRY = Path("overrides", "crs", "collate-kit.js")
ZIP_NAME = "class-summary-notebook.zip"
ZIP_FOLDER = "class-summary-notebook"
GUIDE = "tutor/index.html"
# Where the notebook finds the unpacked download when the site build runs it (else: beside it).
KIT_ENV = "CRS_NOTEBOOK_KIT"


def outline(the_model: CourseModel, site_url: str = "") -> dict:
    """What collation needs to know of the course, with site-relative links: each prompt and its
    lesson, each quiz question with the lesson section that teaches it and its key in the guide."""
    course = the_model.course
    prompts = [
        {
            "id": r.id,
            "text": r.prompt,
            "lesson": page.title,
            "href": f"{page.url}#reflect-{r.id}",
            "guide": f"{GUIDE}#guide-prompt-{r.id}",
        }
        for page in course.lessons
        for r in page.reflections
    ]
    quizzes = [
        {
            "id": quiz.id,
            "title": quiz.title,
            "lesson": page.title,
            "questions": [
                {
                    "id": q.id,
                    "prompt": q.prompt,
                    "href": f"{q.source_page[: -len('.md')]}.html#{q.source_anchor}",
                    "key": f"{GUIDE}#guide-q-{q.id}",
                }
                for q in quiz.questions
            ],
        }
        for page in course.lessons
        for quiz in course.quizzes_of(page)
    ]
    return {
        "course": COURSE_ID,
        "version": the_model.version,
        "title": the_model.project.title,
        "site_url": site_url,
        "prompts": prompts,
        "quizzes": quizzes,
    }


def render_summary(data: dict, link: Callable[[str], str]) -> str:
    """The Class summary page (overrides/crs/summary.js brings it to life). The outline rides in
    an attribute: instant navigation re-runs every <script> of a page, JSON ones too."""
    return render(
        "class-summary.html",
        outline=json.dumps(data, ensure_ascii=False),
        site_root=link("index.html"),
        download=link(f"downloads/{ZIP_NAME}"),
    )


def build_kit(root: Path, data: dict, folder: Path) -> Path:
    """The notebook download, unpacked into `folder` (emptied first): the notebook, its runner,
    the collation rules, the outline, the SAMPLE class, requirements and a README."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    options = ["--bundle", "--format=iife", "--global-name=crsCollate", "--target=es2020"]
    esbuild.bundle(root, [f"collate={KIT_ENTRY.as_posix()}", *options], folder, str(KIT_ENTRY))
    for source in sorted(KIT_SOURCES.iterdir()):
        if source.is_file() and source.suffix in (".py", ".txt", ".md"):
            shutil.copy2(source, folder / source.name)
    shutil.copy2(root / NOTEBOOK, folder / NOTEBOOK.name)
    shutil.copytree(root / SAMPLE_CLASS, folder / SAMPLE_CLASS.name)
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    (folder / "outline.json").write_text(text, encoding="utf-8")
    return folder


def kit_digest(folder: Path) -> str:
    """A digest of everything in the unpacked download (names and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def zip_kit(folder: Path, target: Path) -> Path:
    """The download itself: every file under one top folder, with fixed dates so a rebuild of
    the same course writes the same bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = f"{ZIP_FOLDER}/{path.relative_to(folder).as_posix()}"
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return target
