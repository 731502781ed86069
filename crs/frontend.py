"""The front end a page loads, and its build: which script and stylesheet of overrides/crs/
each page names (its combination of what every page needs, the component parts its content
shows and its page bundle), the first styles written into its head, and the esbuild run that
makes site/assets/crs/.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from crs import esbuild

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
# Where Material's page content starts: every class FIRST_STYLES names is drawn after it.
CONTENT_START = '<div class="md-content"'


def with_first_styles(html: str, styles: dict[str, str]) -> str:
    """The page with the first styles (FIRST_STYLES, minified in `styles`) of what it shows in
    its slot; a page without the slot (not made from overrides/main.html, such as the SCORM
    launch page) comes back unchanged. One pass over the class attributes of the content: this
    runs on every page of every build, and the navigation before the content, on every page,
    grows with the course."""
    if FIRST_STYLES_SLOT not in html:
        return html
    content = html[max(html.find(CONTENT_START), 0) :]
    shown = {name for found in _CLASSES.findall(content) for name in found.split()}
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
