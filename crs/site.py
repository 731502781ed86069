"""What the MkDocs hook does, as plain functions: the course model from the MkDocs config,
the notebook cache and the PDFs under `serve` (the front end a page loads: crs.frontend).

Only overrides/hooks/course.py imports this module; every other output loads the course with
crs.model.load and fills pages with crs.pages.
"""

from __future__ import annotations

import logging
import shutil
import struct
from collections.abc import Callable
from pathlib import Path

import jinja2
from mkdocs import utils
from mkdocs.exceptions import Abort, PluginError
from mkdocs.utils import get_relative_url

from crs import collation, model, pages, reuse, tutor
from crs.errors import CourseError
from crs.model import CourseModel
from crs.project import BLOCKS_EXTENSION, Project, project_from
from crs.templating import TEMPLATES

EXTENSION = BLOCKS_EXTENSION


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


def write_assignment_parts(site_dir: Path, the_model: CourseModel, page_url: str) -> None:
    """Each lesson's part of the assignment page (crs.tutor.assignment_parts), linked from the
    page at page_url."""
    parts = tutor.assignment_parts(the_model, lambda target: get_relative_url(target, page_url))
    for path, text in parts.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
