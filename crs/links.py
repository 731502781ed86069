"""Links between course pages, checked in the course load with the line they are written on.

MkDocs checks links too, but only after it has emptied site/, and without a line; a footnote or
reference link without its definition it leaves as literal brackets. Checked here: inline links
and images, reference-link labels, footnotes, each target file and each `#anchor`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote

from crs.errors import CourseError
from crs.mdtext import unfenced_lines

_CODE_SPAN = re.compile(r"(`+).+?\1")
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REF_USE = re.compile(r"\[([^\]\^@][^\]]*)\]\[([^\]\^]*)\]")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]\^][^\]]*)\]:\s*<?([^\s>]+)")
_NOTE_USE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_NOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")
_SCHEME = re.compile(r"^[A-Za-z][\w+.-]*:|^//|^/")
# Ids written into a page: attribute lists `{#id}` and raw HTML `id="..."`.
_ATTR_ID = re.compile(r"\{:?[^}]*#([\w-]+)[^}]*\}")
_HTML_ID = re.compile(r"\bid=[\"']([^\"']+)[\"']")


def lines_outside_code(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(file line, text) of each line outside fences, with inline code blanked out."""
    for index, line in unfenced_lines(body.split("\n")):
        yield first_line + index, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def written_ids(text: str) -> set[str]:
    """Ids an author wrote into a page besides its headings."""
    return set(_ATTR_ID.findall(text)) | set(_HTML_ID.findall(text))


def check_links(
    body: str,
    src: str,
    label: str,
    docs: Path,
    anchors_of: Callable[[str], set[str] | None],
    first_line: int = 1,
) -> list[CourseError]:
    """Every link target of one page: the file exists in docs/, and a page's anchor exists.

    `anchors_of(src)` gives the anchors of a docs-relative page, None for a page not in docs/.
    """
    lines = list(lines_outside_code(body, first_line))
    definitions = {
        match.group(1).strip().lower(): (line, match.group(2))
        for line, text in lines
        if (match := _REF_DEF.match(text))
    }
    notes = {match.group(1) for _, text in lines if (match := _NOTE_DEF.match(text))}
    found: list[CourseError] = []
    targets = [(line, target) for line, target in definitions.values()]
    for line, text in lines:
        targets.extend((line, match.group(1)) for match in _INLINE.finditer(text))
        for match in _REF_USE.finditer(text):
            name = (match.group(2) or match.group(1)).strip().lower()
            if name not in definitions:
                found.append(
                    CourseError(
                        label,
                        line,
                        f"reference link '{match.group(0)}' expected a definition "
                        f"'[{name}]: <address>' on this page, found none",
                    )
                )
        for match in _NOTE_USE.finditer(text):
            if match.group(1) not in notes and not _NOTE_DEF.match(text):
                found.append(
                    CourseError(
                        label,
                        line,
                        f"footnote '[^{match.group(1)}]' expected its text "
                        f"'[^{match.group(1)}]: ...' on this page, found none",
                    )
                )
    for line, target in targets:
        error = _check_target(target, src, docs, anchors_of)
        if error:
            found.append(CourseError(label, line, f"link to '{target}' {error}"))
    return found


def _check_target(
    target: str, src: str, docs: Path, anchors_of: Callable[[str], set[str] | None]
) -> str | None:
    """What is wrong with one link target, or None."""
    if not target or _SCHEME.match(target):
        return None  # external addresses and site-absolute paths are not pages of the course
    path, _, anchor = target.partition("#")
    path = unquote(path.split("?")[0])
    page = src
    if path:
        page = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
        if page.startswith("..") or not (docs / page).is_file():
            return f"expected a file in {docs.name}/, found no {docs.name}/{page}"
    if not anchor or not page.endswith(".md"):
        return None
    anchors = anchors_of(page)
    if anchors is None or anchor in anchors:
        return None
    listed = ", ".join(sorted(anchors)) or "none"
    return (
        f"expected an anchor of {docs.name}/{page}, found no '#{anchor}' there "
        f"(its anchors: {listed})"
    )
