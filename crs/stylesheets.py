"""Material's stylesheets cut to the rules this site can use, at build time.

Material's main stylesheet (137 KB) and its palette (12 KB) block the first render of every
page; served without compression on a slow connection they cost more than the page itself.
After the build, each is cut by PurgeCSS (npm, pinned) to the rules whose selectors can match
something of the site: a class, tag or attribute of any built page (tutor pages, the notebook
and 404 included), or a word of a script that draws markup at run time (Material's bundle:
search results, tooltips, the palette toggle, instant navigation; ours in assets/crs/, the
assignment's lesson parts included). The source is the installed theme's file, never the copy in
the site; the result gets a name hashed on its content, which every page is pointed to.

PurgeCSS is a node process of about a second: its output is kept in .cache/stylesheets/, keyed
on its version, the source and the tokens the source can see (crs.stylesheets.visible_tokens),
so an edit that adds no class or attribute value the theme styles reuses it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from pathlib import Path

from crs import diskcache
from crs.errors import CourseError

CACHE = Path(".cache", "stylesheets")
_KEEP = 8  # entries kept: main and palette, for the last few sets of tokens
SCRIPT = Path(__file__).with_name("purgecss.cjs")
# How every page names the theme's two render-blocking stylesheets (Material's base.html).
THEME_SHEET = re.compile(rb"assets/stylesheets/(main|palette)\.[0-9a-f]{8}\.min\.css")
_CLASSES = re.compile(rb'class="([^"]*)"')
_TAGS = re.compile(rb"<([a-zA-Z][\w-]*)")
_VALUES = re.compile(rb'="([^"]*)"')
# Attributes a selector names: [hidden], [data-md-color-scheme=slate], [id^="fnref:"].
_SELECTED_ATTRIBUTES = re.compile(r"\[([\w-]+)")
_WORDS = re.compile(rb"[\w-]+")
_CSS_WORDS = re.compile(r"[\w-]+")
_CSS_STRINGS = re.compile(r'"([^"]*)"')
# Attribute selectors matched on part of the value: [id^="fnref:"], [src$="#only-dark"].
_PARTIAL_VALUES = re.compile(r'\[[\w-]+[~|^$*]=("?)([^"\]]+)\1\]')
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


def slim_theme_sheets(root: Path, site: Path, theme_dirs: list[str]) -> None:
    """Replace the theme stylesheets every page in `site` links with their cut copies."""
    pages = {path: path.read_bytes() for path in site.rglob("*.html")}
    # A page kept from an earlier build (`serve --dirty`) links that build's cut copy: the stem
    # names the theme's sheet either way.
    stems = {m.decode() for text in pages.values() for m in THEME_SHEET.findall(text)}
    sheets = {stem: _theme_file(theme_dirs, stem).read_text(encoding="utf-8") for stem in stems}
    attributes = {a for css in sheets.values() for a in _SELECTED_ATTRIBUTES.findall(css)}
    tokens = site_tokens(pages.values(), _script_texts(site), attributes)
    folder = site / "assets" / "stylesheets"
    renamed = {}
    for stem, css in sorted(sheets.items()):
        slim = _purged(root, css, visible_tokens(css, tokens))
        renamed[stem] = f"{stem}.{hashlib.sha256(slim.encode()).hexdigest()[:8]}.min.css"
        for stale in folder.glob(f"{stem}.*.css*"):
            stale.unlink()
        (folder / renamed[stem]).write_text(slim, encoding="utf-8")
    for path, text in pages.items():
        slimmed = THEME_SHEET.sub(
            lambda m: b"assets/stylesheets/" + renamed[m[1].decode()].encode(), text
        )
        if slimmed != text:
            path.write_bytes(slimmed)


def site_tokens(pages, scripts, attributes: set[str]) -> set[str]:
    """What a selector can match: each page's classes, tags and attribute values, the
    `attributes` the selectors name (taken as present: at worst a rule is kept), and every word
    of the scripts (a class or attribute a script adds is a word of it)."""
    tokens = {a.encode() for a in attributes}
    for text in _distinct_pieces(pages):
        for classes in _CLASSES.findall(text):
            tokens.update(classes.split())
        tokens.update(_TAGS.findall(text))
        tokens.update(_VALUES.findall(text))
    for text in scripts:
        tokens.update(_WORDS.findall(text))
    return {token.decode("utf-8", "replace") for token in tokens}


# Every page carries the whole navigation, so the site's HTML grows with the square of the
# course. Cut before each navigation item (a tag's start, outside any attribute value), most
# pieces are the same on every page, and each distinct piece is read once.
_NAV_ITEM = b'<li class="md-nav__item'


def _distinct_pieces(pages) -> set[bytes]:
    pieces = set()
    for text in pages:
        first, *rest = text.split(_NAV_ITEM)
        pieces.add(first)
        pieces.update(_NAV_ITEM + piece for piece in rest)
    return pieces


def visible_tokens(css: str, tokens: set[str]) -> list[str]:
    """The tokens that can match a selector of `css`: those it names, and for an attribute
    selector matched on part of the value, that part when a token holds it. Other tokens change
    nothing PurgeCSS keeps, and would only make the cache miss."""
    named = set(_CSS_WORDS.findall(css)) | set(_CSS_STRINGS.findall(css))
    partial = {m[2] for m in _PARTIAL_VALUES.finditer(css)}
    visible = tokens & named
    visible.update(part for part in partial if any(part in token for token in tokens))
    return sorted(visible)


def _script_texts(site: Path):
    yield from (path.read_bytes() for path in site.glob("assets/javascripts/bundle.*.min.js"))
    yield from (path.read_bytes() for path in site.glob("assets/crs/**/*.js"))


def _theme_file(theme_dirs: list[str], stem: str) -> Path:
    for folder in theme_dirs:
        for path in sorted(Path(folder, "assets", "stylesheets").glob(f"{stem}.*.min.css")):
            return path
    raise CourseError(
        "mkdocs.yml",
        None,
        f"the pages link assets/stylesheets/{stem}.*.min.css, which no theme has",
    )


def _purged(root: Path, css: str, tokens: list[str]) -> str:
    package = root / "node_modules" / "purgecss" / "package.json"
    if not package.exists():
        raise CourseError(
            "package.json", None, "purgecss is missing: run `npm ci` (scripts/serve does)"
        )
    version = json.loads(package.read_text(encoding="utf-8"))["version"]
    request = json.dumps({"css": css, "tokens": tokens})
    key = hashlib.sha256(json.dumps([version, SCRIPT.read_text(), request]).encode()).hexdigest()
    entry = root / CACHE / f"{key[:16]}.pickle"
    kept = diskcache.read(entry)
    if kept is not None:
        return kept
    done = subprocess.run(
        ["node", str(SCRIPT)],
        input=request,
        cwd=root,
        env={**os.environ, "NODE_PATH": str(root / "node_modules")},
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise CourseError("crs/purgecss.cjs", None, done.stderr.strip())
    slim = _SOURCE_MAP.sub("", done.stdout)
    diskcache.write(entry, slim, _KEEP)
    return slim
