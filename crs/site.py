"""What the MkDocs hook does, as plain functions: load and check the course, then fill pages.

overrides/hooks/course.py only forwards MkDocs events here, so all of it is unit-testable and
the PDF and export scripts reuse the same loading.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from mkdocs.utils import get_relative_url

from crs import (
    bibliography,
    course,
    data,
    editing,
    glossary,
    grounding,
    quizzes,
    safehtml,
    shortcodes,
    submissions,
    tutor,
    workspace,
)
from crs.errors import CourseError
from crs.templating import TEMPLATES, render

COURSE_ID = "co-production"
EXTENSION = "crs.blocks"
# Bundle written to site/assets/crs/ -> its entry in overrides/crs/. crs.js and crs.css load on
# every page; a page bundle (<name>.js, and <name>.css if listed) only on pages that need it.
BUNDLES = {
    "crs.js": "main.js",
    "crs.css": "main.css",
    "lessons.js": "lessons.js",
    "lessons.css": "lessons.css",
    "workspace.js": "workspace.js",
    "workspace.css": "workspace.css",
    "assignment.js": "assignment.js",
    "tutor.js": "tutor.js",
    "tutor.css": "tutor.css",
}
# Marker -> the page bundle whose code brings the rendered component to life.
MARKER_BUNDLES = {
    "lessons": "lessons",
    "workspace": "workspace",
    "assignment": "assignment",
    "tutor-guide": "tutor",
    "assignment-builder": "tutor",
}
PAGE_STYLES = {name.removesuffix(".css") for name in BUNDLES if name.endswith(".css")} - {"crs"}


@dataclass
class SiteState:
    course: course.Course
    references: dict
    terms: list
    version: str
    warnings: list[str] = field(default_factory=list)
    editing_notes: list[editing.EditingNote] = field(default_factory=list)


def project_paths(config) -> dict[str, Path]:
    """Folders named in mkdocs.yml, made absolute so builds work from any working directory."""
    root = Path(config.config_file_path).parent
    options = config.mdx_configs.setdefault(EXTENSION, {})
    for key, default in (("quizzes_dir", "quizzes"), ("data_dir", "docs/_data")):
        options[key] = str((root / options.get(key, default)).resolve())
    return {
        "root": root,
        "docs": Path(config.docs_dir),
        "quizzes": Path(options["quizzes_dir"]),
        "data": Path(options["data_dir"]),
    }


def nav_sources(nav) -> list[str]:
    """Docs-relative .md paths in nav order (nav entries may be strings, dicts or lists)."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [src for value in nav.values() for src in nav_sources(value)]
    if isinstance(nav, list):
        return [src for item in nav for src in nav_sources(item)]
    return []


def known_blocks(config) -> set[str]:
    """Block names registered by the configured extensions: the one list of valid syntax."""
    md = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )
    manager = md.parser.blockprocessors["blocks"]
    return set(manager.blocks)


def load(config) -> SiteState:
    """Load and check everything before MkDocs cleans site/, so bad input keeps the last site."""
    paths = project_paths(config)
    safehtml.use_page_pipeline(config.markdown_extensions, config.mdx_configs)
    the_course = course.load_course(paths["docs"], nav_sources(config.nav), known_blocks(config))
    the_course.quizzes = data.quizzes(paths["quizzes"])
    used = {
        quiz_id: (f"docs/{page.src}", line)
        for page in the_course.pages
        for quiz_id, line in page.quiz_uses
    }
    unused = quizzes.check_usage(the_course.quizzes, used)
    if unused and config.strict:
        # Refused here rather than by MkDocs after the build, so site/ keeps the last good site.
        first, *others = unused
        raise CourseError(first.path, first.line, "\n".join([first.message, *map(str, others)]))
    grounding.check_grounding(the_course.quizzes, paths["docs"])
    course.check_objective_links(the_course)
    references = data.references(paths["data"])
    notes = editing.collect(the_course, references, data.activities(paths["data"]), paths["docs"])
    summary = course.summary(the_course, COURSE_ID, "")
    version = hashlib.sha256(json.dumps(summary, sort_keys=True).encode()).hexdigest()[:12]
    return SiteState(
        the_course,
        references,
        data.glossary(paths["data"]),
        version,
        [str(w) for w in unused],
        notes,
    )


def course_json(state: SiteState) -> dict:
    return course.summary(state.course, COURSE_ID, state.version)


def page_markdown(text: str, src: str, page_url: str, state: SiteState, first_line: int) -> str:
    """Fill markers, link citations and add glossary tooltips to one page's Markdown."""
    label = f"docs/{src}"

    def link(target_url: str) -> str:
        return get_relative_url(target_url, page_url)

    renderers = {
        "lessons": lambda: render(
            "lessons.html",
            lessons=state.course.lessons,
            total=state.course.total_minutes,
            link=link,
        ),
        "references": lambda: bibliography.render_references(state.references),
        "glossary": lambda: glossary.render_glossary(
            state.terms, src, {page.src: page.title for page in state.course.pages}
        ),
        "workspace": lambda: workspace.render_workspace(state.course, link),
        "tutor-guide": lambda: tutor.render_guide(state.course, link, src, state.editing_notes),
        "assignment-builder": lambda: tutor.render_builder(state.course, link),
        "assignment": lambda: tutor.render_assignment(state.course, link),
    }
    text = shortcodes.expand(text, label, renderers, first_line=first_line)
    text = bibliography.expand_citations(text, src, state.references, first_line=first_line)
    if src != "glossary.md":
        text += "\n\n" + glossary.abbreviations(state.terms) + "\n"
    return text


# The PDFs for `mkdocs serve`, which builds the site elsewhere than site/: scripts/serve makes
# them here as it starts, and the hook serves them as downloads/.
SERVED_PDFS = Path(".cache", "downloads")


def watched_paths(config) -> list[Path]:
    """What `mkdocs serve` must watch besides docs/ and mkdocs.yml: quiz data, the theme
    overrides with the front-end sources, the course's templates (a change to the Python code
    needs a restart), and the PDFs made for serve."""
    paths = project_paths(config)
    folder = paths["root"] / SERVED_PDFS
    folder.mkdir(parents=True, exist_ok=True)
    return [paths["quizzes"], Path(config.theme.custom_dir), TEMPLATES, folder]


def served_pdfs(root: Path) -> list[tuple[str, Path]]:
    """(site path, file) of each PDF ready for `mkdocs serve`."""
    return [(f"downloads/{pdf.name}", pdf) for pdf in sorted((root / SERVED_PDFS).glob("*.pdf"))]


def notebook_cache_dir(root: Path, state: SiteState) -> Path:
    """Where mkdocs-jupyter keeps the executed tutor notebook. It keys its cache on the notebook
    alone, but the output also depends on the sample class, the collation code and the course's
    prompts and quizzes: the folder is named after those, so a change to any runs it again
    (older folders are removed)."""
    digest = hashlib.sha256(state.version.encode())
    inputs = sorted(p for p in (root / submissions.SAMPLE_CLASS).rglob("*") if p.is_file())
    for path in [*inputs, Path(submissions.__file__)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    current = root / ".cache" / "mkdocs-jupyter" / digest.hexdigest()[:16]
    for stale in current.parent.glob("*") if current.parent.is_dir() else ():
        if stale != current:
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    return current


def page_bundle(markdown: str, meta: dict, src: str, first_line: int = 1) -> str | None:
    """The one page bundle a page loads besides crs.js: the one its markers need. A lesson (front
    matter `time`) gets the lessons bundle, and every tutor page (`tutor: true`) the tutor bundle,
    whose styles cover the notebook."""
    bundle = "tutor" if meta.get("tutor") else "lessons" if meta.get("time") else None
    for name, line in sorted(shortcodes.markers(markdown, first_line).items(), key=lambda m: m[1]):
        needed = MARKER_BUNDLES.get(name)
        if needed and bundle and needed != bundle:
            raise CourseError(
                f"docs/{src}",
                line,
                f"marker 'crs:{name}' needs the {needed} page bundle, but this page already "
                f"loads the {bundle} bundle; put these components on separate pages",
            )
        bundle = needed or bundle
    return bundle


def write_favicon_ico(site_dir: Path, icon: str = "assets/images/favicon.png") -> None:
    """/favicon.ico made from the theme's PNG icon (an ICO file may hold a PNG). Browsers ask
    for it where a page names no icon, as Chromium does when it opens one of the PDFs."""
    png = (site_dir / icon).read_bytes()
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise CourseError(icon, None, "expected a PNG image for the favicon")
    width, height = struct.unpack(">II", png[16:24])
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack(
        "<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(png), len(header) + 16
    )
    (site_dir / "favicon.ico").write_bytes(header + entry + png)


def bundle_scripts(root: Path, site_dir: Path) -> None:
    """Bundle each entry in overrides/crs/ into site/assets/crs/, in one esbuild run: classic
    scripts (IIFE), because ES modules do not load from file://."""
    esbuild = root / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists():
        raise CourseError(
            "package.json", None, "esbuild is missing: run `npm ci` (scripts/serve does)"
        )
    entries = [
        f"{Path(name).stem}={root / 'overrides' / 'crs' / source}"
        for name, source in BUNDLES.items()
    ]
    result = subprocess.run(
        [
            str(esbuild),
            *entries,
            "--bundle",
            "--minify",
            "--format=iife",
            "--target=es2020",
            f"--outdir={site_dir / 'assets' / 'crs'}",
            "--log-level=error",
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise CourseError("overrides/crs", None, result.stderr.strip())
    # overrides/ is copied into the site as theme files; the sources are not needed there.
    shutil.rmtree(site_dir / "crs", ignore_errors=True)
