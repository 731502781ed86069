"""The one Markdown pipeline for course text outside the page flow: quiz text and feedback,
reflection prompts, tutor notes, objectives. It is the page pipeline of mkdocs.yml less what
cannot apply inside a component, with raw HTML shown as text and the result sanitised, so a
text renders alike on its lesson, in the workspace, on an assignment, in the guide and the PDF.

The course model builds one (CourseModel.text) and every renderer is handed it. The only
process state is a cache of renderers, each a pure function of its pipeline and the text. A
project's renderer also keeps what it rendered in .cache/coursetext/, one file per pipeline and
version of the code (crs.diskcache), read back by the next process: a build renders only the
texts that changed.
"""

from __future__ import annotations

import atexit
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import markdown
from markupsafe import Markup

from crs import diskcache
from crs.safehtml import sanitize_html

# The page pipeline's text extensions (mkdocs.yml), for rendering outside a build. Left out of
# any pipeline (_EXCLUDED_EXTENSIONS): crs.blocks (a quiz in a quiz), file inclusion (snippets,
# markdown_include), toc and footnotes (ids that would clash with the page's), md_in_html (raw
# HTML), tasklist (form controls, which the sanitiser would show as text).
QUIZ_MARKDOWN_EXTENSIONS = (
    "abbr",
    "attr_list",
    "def_list",
    "tables",
    "pymdownx.betterem",
    "pymdownx.caret",
    "pymdownx.mark",
    "pymdownx.tilde",
    "pymdownx.smartsymbols",
    "pymdownx.superfences",
)
_EXCLUDED_EXTENSIONS = {
    "crs.blocks",
    "pymdownx.snippets",
    "markdown_include.include",
    "toc",
    "footnotes",
    "md_in_html",
    "pymdownx.tasklist",
    "markdown.extensions.toc",
}


# Texts kept on disk (kept_in below): one file per pipeline, and a few pipelines at most.
TEXT_CACHE = Path(".cache", "coursetext")
_KEEP = 4


def markdown_renderer(
    extensions: Iterable[Any] = QUIZ_MARKDOWN_EXTENSIONS,
    extension_configs: Mapping[str, dict] | None = None,
    kept_in: Path | None = None,
) -> Callable[[str], str]:
    """A Markdown-to-HTML function for course text: the given (page) extensions minus those that
    cannot apply to it, raw HTML escaped as text, and the result sanitised. With `kept_in` (a
    project's TEXT_CACHE), what it renders is kept there for the next process."""
    names = [e for e in extensions if not (isinstance(e, str) and e in _EXCLUDED_EXTENSIONS)]
    configs = {k: v for k, v in (extension_configs or {}).items() if k not in _EXCLUDED_EXTENSIONS}
    # One renderer (and its cache) per pipeline, so the rebuilds of a `serve` session reuse it.
    pipeline = json.dumps([names, configs], sort_keys=True, default=repr)
    key = (pipeline, kept_in)
    if key not in _RENDERERS:
        while len(_RENDERERS) >= 8:
            del _RENDERERS[next(iter(_RENDERERS))]
        entry = None
        if kept_in is not None:
            code = [diskcache.code_version(), diskcache.local_modules(names)]
            version = json.dumps([code, pipeline])
            entry = kept_in / f"{hashlib.sha256(version.encode()).hexdigest()}.pickle"
        _RENDERERS[key] = _renderer(names, configs, entry)
    return _RENDERERS[key]


_RENDERERS: dict[tuple[str, Path | None], Callable[[str], str]] = {}


def _renderer(names: list, configs: dict, entry: Path | None) -> Callable[[str], str]:
    """to_html for one pipeline. With `entry`, the HTML of the texts an earlier process rendered
    with the same pipeline and code is taken from it, and the texts this process used are
    written back as it exits (if any had to be rendered), so texts no longer in the course
    drop out."""
    kept: dict[str, str] = (diskcache.read(entry) or {}) if entry else {}
    used: dict[str, str] = {}
    md: markdown.Markdown | None = None  # made at the first text not kept

    def convert(text: str) -> str:
        nonlocal md
        if md is None:
            md = markdown.Markdown(extensions=names, extension_configs=configs)
            for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
                if name in registry:
                    registry.deregister(name)
            if entry is not None:
                atexit.register(_keep, entry, used)
        md.reset()
        return sanitize_html(md.convert(text))

    # The same text is rendered for a lesson, the workspace, the assignment page and the guide,
    # and again on every rebuild under `serve`; keyed on the text, and bounded so a long session
    # does not grow without end (a 100-module course has some 30,000 texts).
    @lru_cache(maxsize=65536)
    def to_html(text: str) -> str:
        html = kept.get(text)
        if html is None:
            html = convert(text)
        if len(used) < _USED_MAX:
            used[text] = html
        return html

    return to_html


_USED_MAX = 65536


def _keep(entry: Path, used: dict[str, str]) -> None:
    # Not into a project that is gone by now (a test's temporary copy).
    if entry.parents[2].is_dir():
        diskcache.write(entry, used, _KEEP)


@dataclass(frozen=True)
class CourseText:
    """Course Markdown to safe HTML, as a block or as one inline paragraph. Whatever `html`
    returns is sanitised again, so a renderer handed in can never let raw HTML run."""

    html: Callable[[str], str]

    @classmethod
    def of(
        cls, extensions: Iterable[Any], configs: Mapping[str, dict], kept_in: Path | None = None
    ) -> CourseText:
        return cls(markdown_renderer(extensions, configs, kept_in))

    @classmethod
    def default(cls) -> CourseText:
        """The text extensions of this course's mkdocs.yml, for rendering outside a project."""
        return cls(markdown_renderer())

    def block(self, text: str) -> Markup:
        return Markup(sanitize_html(self.html(text)))

    def inline(self, text: str) -> Markup:
        return inline_html(sanitize_html(self.html(text)))


def inline_html(html_text: str) -> Markup:
    """One rendered paragraph without its <p> wrapper (for legends, labels and list items)."""
    text = html_text.strip()
    if text.startswith("<p>") and text.endswith("</p>") and text.count("<p>") == 1:
        text = text[3:-4]
    return Markup(text)
