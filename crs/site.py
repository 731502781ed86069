"""What the MkDocs hook does, as plain functions: the course model from the MkDocs config,
page bundles, the front-end build, the notebook cache and the PDFs under `serve`.

Only overrides/hooks/course.py imports this module; every other output loads the course with
crs.model.load and fills pages with crs.pages.
"""

from __future__ import annotations

import logging
import re
import shutil
import struct
import tempfile
from collections.abc import Callable
from pathlib import Path

import jinja2
from mkdocs import utils
from mkdocs.exceptions import Abort, PluginError
from mkdocs.utils import get_relative_url

from crs import collation, esbuild, model, pages, reuse, tutor
from crs.errors import CourseError
from crs.model import CourseModel
from crs.project import BLOCKS_EXTENSION, Project, project_from
from crs.templating import TEMPLATES

EXTENSION = BLOCKS_EXTENSION
# What a page may need besides the code and styles of every page (main.js, main.css: storage,
# the course model, progress marks in the navigation): a component's part, loaded on every page
# whose content shows one (PARTS), and one page bundle at most (crs.shortcodes.page_bundle).
# Each -> (its script, its stylesheet or None) in overrides/crs/. A page loads one script and
# one stylesheet, its combination (combination()), each compressed as a whole.
CORE = ("main.js", "main.css")
PIECES = {
    "quizzes": ("mount-quizzes.js", "quizzes.css"),
    "reflections": ("mount-reflections.js", None),
    "home": ("home.js", "home.css"),
    "lessons": ("lessons.js", "lessons.css"),
    "workspace": ("workspace.js", "workspace.css"),
    "assignment": ("assignment.js", None),
    "tutor": ("tutor.js", "tutor.css"),
    "summary": ("summary.js", "summary.css"),
}
# Written to site/assets/crs/ besides the combinations, never named by a page: what crs.js
# fetches when storage first reports a problem (main.js), and the launch page of the SCORM
# packages (crs/exports/scorm.py).
SEPARATE = {
    "notices.js": "mount-notices.js",
    "notices.css": "notices.css",
    "scorm.js": "scorm/launch.js",
}
# A component's part -> the attribute of its element: the part loads on every page whose content
# shows one, whatever the page's bundle.
PARTS = {"quizzes": "data-crs-quiz", "reflections": "data-crs-reflection"}


# A page bundle that adds components after the page has loaded: the assignment page draws its
# prompts and quizzes from the lesson parts its link names (crs/tutor.py assignment_parts).
LATER_PARTS = {"assignment": ("quizzes", "reflections")}


def page_parts(html: str, bundle: str | None = None) -> list[str]:
    """The parts whose components a page's content shows, or its bundle will show."""
    later = LATER_PARTS.get(bundle, ())
    return [part for part, attribute in PARTS.items() if f"{attribute}=" in html or part in later]


def combination(parts: list[str], bundle: str | None) -> str:
    """The name of the script and stylesheet (assets/crs/<name>.js, .css) of a page showing
    `parts` with `bundle`: "crs" alone, or "crs-" and what it adds, parts first (the order
    their code runs in)."""
    return "-".join(["crs", *parts, *([bundle] if bundle else [])])


def combinations(pages) -> set[str]:
    """The combinations the site's pages name (set on each page's meta as `crs_assets`, kept
    with the page when serve does not build it again), and "crs" for theme pages (404.html)."""
    return {"crs", *(page.meta.get("crs_assets", "crs") for page in pages)}


def combination_sources(name: str) -> tuple[list[str], list[str]]:
    """The scripts and the stylesheets in overrides/crs/ a combination bundles, in order."""
    pieces = [PIECES[piece] for piece in name.split("-")[1:]]
    scripts = [CORE[0], *(script for script, _ in pieces)]
    return scripts, [CORE[1], *(sheet for _, sheet in pieces if sheet)]


def project_of(config) -> Project:
    """The course project as the loaded MkDocs config describes it (serve may differ from
    mkdocs.yml on disk only in what the model does not read)."""
    return project_from(
        Path(config.config_file_path).parent,
        Path(config.docs_dir),
        config.nav,
        config.markdown_extensions,
        config.mdx_configs,
        config.strict,
        config.site_name,
        config.site_description,
        config.extra,
        Path(config.config_file_path).name,
        config.exclude_docs,
        config.not_in_nav,
    )


def load(config) -> CourseModel:
    """Load and check everything before MkDocs cleans site/, so bad input keeps the last site."""
    return model.load(project_of(config))


class AuthoringFaults(PluginError):
    """The course load's faults, stopping a build before anything was written."""


def keep_last_pages(builder: Callable[[], None]) -> Callable[[], None]:
    """`mkdocs serve`'s rebuild, except that one stopped by authoring faults (already printed
    once, with file:line) ends like a finished build: the untouched last good site goes on being
    served, where MkDocs would hold every request until the next good save."""

    def rebuild() -> None:
        try:
            builder()
        except Abort as stopped:
            if not isinstance(stopped.__context__, AuthoringFaults):
                raise
            logging.getLogger("mkdocs.hooks.course").info(
                "Serving the last good pages; the next good save rebuilds them"
            )

    return rebuild


# The PDFs for `mkdocs serve`, which builds the site elsewhere than site/: scripts/serve makes
# them here as it starts, and the hook serves them as downloads/.
SERVED_PDFS = Path(".cache", "downloads")


def watched_paths(config) -> list[Path]:
    """What `mkdocs serve` must watch besides docs/ and mkdocs.yml: the inputs outside docs/
    that pages are made from, and the PDFs made for serve."""
    folder = project_of(config).root / SERVED_PDFS
    folder.mkdir(parents=True, exist_ok=True)
    return [*page_inputs(config), folder]


def page_inputs(config) -> list[Path]:
    """Folders outside docs/ that every page may be made from: quiz data, the theme overrides
    with the front-end sources, the course's templates (a change to the Python code needs a
    restart)."""
    return [project_of(config).quizzes, Path(config.theme.custom_dir), TEMPLATES]


def quiet_dirty_warning() -> None:
    """MkDocs warns on each dirty build that its navigation may be wrong, which would stop every
    strict build under scripts/serve; crs.reuse keeps what the warning is about right."""
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: not record.getMessage().startswith("A 'dirty' build is being performed")
    )


def fill_page(
    kept: reuse.PageReuse | None, markdown: str, page, the_model: CourseModel, first_line: int
) -> tuple[str, dict[str, str]]:
    """A page's Markdown filled from the course model, and the components held out of its
    conversion (crs.pages.fill_page, put_back), filled once a build under serve."""
    args = (markdown, page.file.src_uri, page.file.url, the_model, first_line)
    if kept is not None:
        return kept.fill(*args)
    held: dict[str, str] = {}
    return pages.fill_page(*args, held), held


def plan_reuse(kept: reuse.PageReuse, config, files, the_model: CourseModel) -> None:
    """Which pages this serve build keeps (crs.reuse); when everything is built anew, from a
    clean folder and a clean search index."""
    shared = reuse.shared_digest(config, files, the_model.summary(), page_inputs(config))
    fresh, reused = kept.plan(files, shared, the_model)
    total = len(files.documentation_pages())
    logging.getLogger("mkdocs.hooks.course").info(
        f"Building {total - len(reused)} of {total} pages; the others are unchanged"
    )
    search = next((p for p in config.plugins.values() if hasattr(p, "search_index_prev")), None)
    if fresh:
        utils.clean_directory(config.site_dir)
        if search is not None:
            search.search_index_prev = None
    elif search is not None:
        built = {f.url for f in files.documentation_pages() if f.src_uri not in reused}
        reuse.drop_search_entries(search, built)


def served_pdfs(root: Path) -> list[tuple[str, Path]]:
    """(site path, file) of each PDF ready for `mkdocs serve`."""
    return [(f"downloads/{pdf.name}", pdf) for pdf in sorted((root / SERVED_PDFS).glob("*.pdf"))]


# The notebook download, unpacked: the tutor notebook runs against it at build time, and the
# build zips it into downloads/.
NOTEBOOK_KIT = Path(".cache", "notebook-kit")


def notebook_kit(root: Path, the_model: CourseModel, site_url: str) -> Path:
    return collation.build_kit(root, collation.outline(the_model, site_url), root / NOTEBOOK_KIT)


def prepare_notebook_cache(root: Path, kit: Path) -> Path:
    """Where mkdocs-jupyter keeps the executed tutor notebook. It keys its cache on the notebook
    alone, but the output also depends on what the notebook reads (the collation code, the
    outline, the sample class): the folder is named after all of the unpacked download, so a
    change to any runs it again (older folders are removed)."""
    current = root / ".cache" / "mkdocs-jupyter" / collation.kit_digest(kit)[:16]
    for stale in current.parent.glob("*") if current.parent.is_dir() else ():
        if stale != current:
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    return current


# Compiled theme templates, kept between builds (crs.templating does the same for ours).
TEMPLATE_CACHE = Path(".cache", "jinja")


def cache_templates(env: jinja2.Environment, root: Path) -> None:
    """MkDocs makes a new Jinja environment each build, which compiles Material's templates
    again (a tenth of a second, and most of a rebuild under serve): keep their bytecode in
    .cache/jinja/. Jinja keys it on the template's name and file and checks it against the
    template's source, so an edited template is compiled again."""
    folder = root / TEMPLATE_CACHE
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))


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


# What the server renders and a reader may see before any script runs is styled in the page's
# head, so it is there for the first render without a request that would hold it up, and
# nothing moves when the stylesheet arrives. Only layout the first screen can show belongs
# there; states set by scripts and the rest of each component come with the stylesheet. Each
# file of overrides/crs/first/ -> the classes that bring it: a page carries the files whose
# classes it shows (none: every page).
FIRST_STYLES = {
    "theme.css": (),
    "lessons.css": ("crs-lesson-meta", "crs-keypoints"),
    "reflections.css": ("crs-reflection",),
    "nojs.css": ("crs-nojs",),
    "references.css": ("crs-reference",),
    "tables.css": ("crs-table-scroll",),
    "home.css": ("crs-resume", "crs-lessons__list"),
}
# Where the template leaves a page's first styles (overrides/main.html).
FIRST_STYLES_SLOT = "<style data-crs></style>"


def first_styles(root: Path) -> dict[str, str]:
    """Each file of FIRST_STYLES, minified."""
    with tempfile.TemporaryDirectory() as out:
        sources = [f"overrides/crs/first/{name}" for name in FIRST_STYLES]
        esbuild.bundle(root, [*sources, "--minify"], Path(out), "overrides/crs/first")
        return {
            name: (Path(out) / name).read_text(encoding="utf-8").strip() for name in FIRST_STYLES
        }


_CLASSES = re.compile(r'class="([^"]*)"')


def with_first_styles(html: str, styles: dict[str, str]) -> str:
    """The page with the first styles (FIRST_STYLES, minified in `styles`) of what it shows in
    its slot; a page without the slot (not made from overrides/main.html, such as the SCORM
    launch page) comes back unchanged. One pass over the page's class attributes: this runs on
    every page of every build."""
    if FIRST_STYLES_SLOT not in html:
        return html
    shown = {name for found in _CLASSES.findall(html) for name in found.split()}
    chosen = "".join(
        styles[name]
        for name, classes in FIRST_STYLES.items()
        if not classes or shown.intersection(classes)
    )
    return html.replace(FIRST_STYLES_SLOT, f"<style data-crs>{chosen}</style>", 1)


# Generated entry points of the combinations (combination()), each importing its sources.
ENTRIES = Path(".cache", "bundles")


def bundle_scripts(root: Path, site_dir: Path, combinations: set[str]) -> None:
    """Bundle each combination a page names, and SEPARATE, from overrides/crs/ into
    site/assets/crs/, in one esbuild run: classic scripts (IIFE), because ES modules do not load
    from file://."""
    folder = root / ENTRIES
    folder.mkdir(parents=True, exist_ok=True)
    entries = [f"{Path(name).stem}=overrides/crs/{source}" for name, source in SEPARATE.items()]
    back = "../../overrides/crs"
    for name in sorted(combinations):
        scripts, sheets = combination_sources(name)
        for suffix, text in (
            (".js", "".join(f'import "{back}/{script}"\n' for script in scripts)),
            (".css", "".join(f'@import "{back}/{sheet}";\n' for sheet in sheets)),
        ):
            entry = folder / f"{name}{suffix}"
            if not entry.is_file() or entry.read_text(encoding="utf-8") != text:
                entry.write_text(text, encoding="utf-8")
            entries.append(f"{name}={(ENTRIES / entry.name).as_posix()}")
    options = ["--bundle", "--minify", "--format=iife", "--target=es2020"]
    esbuild.bundle(root, [*entries, *options], site_dir / "assets" / "crs", "overrides/crs")
    # overrides/ is copied into the site as theme files; the sources are not needed there.
    shutil.rmtree(site_dir / "crs", ignore_errors=True)


def write_assignment_parts(site_dir: Path, the_model: CourseModel, page_url: str) -> None:
    """Each lesson's part of the assignment page (crs.tutor.assignment_parts), linked from the
    page at page_url."""
    parts = tutor.assignment_parts(the_model, lambda target: get_relative_url(target, page_url))
    for path, text in parts.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
