"""One-off: rewrite docs/_data/references.yml from the project's own fields into CSL data.

    .venv/bin/python scripts/refs_to_csl.py [docs/_data/references.yml]

Reads entries with the old fields (type article|book|chapter|report|web|video, authors as
"Surname, Given" texts, year, container, pages, doi, url) and writes them back, in place and in
the same order with the same section comments, as CSL-YAML (type article-journal|book|chapter|
report|webpage|motion_picture, author [{family, given} | {literal}], issued {date-parts},
container-title or publisher-place/publisher, page, DOI, URL). The project's own fields (role,
also_listed, link_missing, parts, note) are kept as they are. Entries already in CSL form are
left alone, so running it twice changes nothing.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

TYPES = {
    "article": "article-journal",
    "book": "book",
    "chapter": "chapter",
    "report": "report",
    "web": "webpage",
    "video": "motion_picture",
}
ORDER = (
    "id type author editor issued title container-title chapter-number publisher "
    "publisher-place volume issue page DOI URL role also_listed link_missing parts note"
).split()
HEADER = """\
# yaml-language-server: $schema=schemas/references.schema.json
# The course bibliography as CSL data (the format of Zotero, Mendeley and pandoc): one entry per
# work, in the order each group lists them. Lessons cite by id: [@boyle-harris-2009:11].
# An export from a reference manager (CSL-JSON or CSL-YAML) can be pasted in as it is; then add
# the project's fields. The schema next to this file lists every field.
#
# CSL fields: id, type (article-journal, book, chapter, report, webpage, motion_picture...),
# author/editor ([{family, given}] or [{literal: "UNESCO"}] for a body), issued
# ({date-parts: [[year]]}; none = no date), title, container-title, publisher, publisher-place,
# volume, issue, page, DOI (bare, only where verified), URL.
# Project fields: role (the group that holds the full entry: key-reference, further-reading,
# activity, source), also_listed (other groups that point to it, as the original module lists
# some works twice), link_missing (the original module had a link here that was lost), parts
# (items of a series), note (an editing note: what was lost or could not be checked).
"""
_PLACE_PUBLISHER = re.compile(r"^(?P<place>[A-Z][\w .]+?): (?P<publisher>.+)$")
_PLACE_ONLY = re.compile(r"^[A-Z][\w .]+, [A-Z]{2}$")  # "Englewood Cliffs, NJ"
_EDITED_BOOK = re.compile(
    r"^(?P<given>[A-Z][\w.]*\.?) (?P<family>[\w'-]+) \(eds?\.\) (?P<book>.+?)\. "
    r"(?P<place>[A-Z][\w .]+): (?P<publisher>.+)$"
)
_NUMBERED_CHAPTER = re.compile(r"^chapter (?P<number>\d+) in (?P<book>.+)$", re.S)


def name(text: str) -> dict:
    if "," not in text:
        return {"literal": text}
    family, given = (part.strip() for part in text.split(",", 1))
    return {"family": family, "given": given} if given else {"family": family}


def container_fields(kind: str, container: str) -> dict:
    """Where the old free-text container goes in CSL, by type."""
    container = " ".join(container.split())
    if kind == "chapter":
        edited = _EDITED_BOOK.match(container)
        if edited:
            return {
                "editor": [{"family": edited["family"], "given": edited["given"]}],
                "container-title": edited["book"],
                "publisher": edited["publisher"],
                "publisher-place": edited["place"],
            }
        numbered = _NUMBERED_CHAPTER.match(container)
        if numbered:
            return {"container-title": numbered["book"], "chapter-number": numbered["number"]}
        return {"container-title": container}
    if kind in ("book", "report"):
        if _PLACE_ONLY.match(container):
            return {"publisher-place": container}
        split = _PLACE_PUBLISHER.match(container)
        if split:
            return {"publisher-place": split["place"], "publisher": split["publisher"]}
        return {"publisher": container}
    return {"container-title": container}


_OLD_ONLY = {"authors", "year", "container", "pages", "doi", "url"}


def to_csl(old: dict) -> dict:
    if (
        old["type"] in ("article-journal", "webpage", "motion_picture")
        or not _OLD_ONLY & set(old)
        and old["type"] not in ("article", "web", "video")
    ):
        return old  # already CSL
    new: dict = {"id": old["id"], "type": TYPES[old["type"]]}
    if old.get("authors"):
        new["author"] = [name(a) for a in old["authors"]]
    if old.get("year"):
        new["issued"] = {"date-parts": [[int(old["year"])]]}
    if str(old.get("title") or "").strip():
        new["title"] = " ".join(str(old["title"]).split())
    if old.get("container"):
        new.update(container_fields(old["type"], old["container"]))
    for field, csl in (("volume", "volume"), ("issue", "issue"), ("pages", "page")):
        if old.get(field):
            new[csl] = str(old[field])
    for field, csl in (("doi", "DOI"), ("url", "URL")):
        if old.get(field):
            new[csl] = old[field]
    for field in ("role", "also_listed", "link_missing", "parts", "note"):
        if old.get(field) not in (None, "", [], False):
            new[field] = old[field]
    unknown = set(old) - _OLD_ONLY - set(ORDER)
    if unknown:
        raise SystemExit(f"{old['id']}: no CSL field for {', '.join(sorted(unknown))}")
    return {key: new[key] for key in ORDER if key in new}


class _Dumper(yaml.SafeDumper):
    """Entries as block mappings; names, dates and lists of texts on one line each."""

    def represent_dict(self, data):
        flow = all(not isinstance(v, dict | list) for v in data.values()) or "date-parts" in data
        return self.represent_mapping("tag:yaml.org,2002:map", data, flow_style=flow)

    def represent_list(self, data):
        flow = all(not isinstance(v, dict) for v in data)
        return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(dict, _Dumper.represent_dict)
_Dumper.add_representer(list, _Dumper.represent_list)


def dump(entry: dict) -> str:
    # The entry itself always in block style, whatever its values.
    body = yaml.dump(entry, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=96)
    if body.startswith("{"):
        body = yaml.dump(
            entry, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True, width=96
        )
    lines = body.splitlines(keepends=True)
    return "- " + lines[0] + "".join("  " + line for line in lines[1:])


def convert(text: str) -> str:
    """The file with every entry in CSL form; comments between entries stay where they were."""
    lines = text.splitlines(keepends=True)
    body_start = next(i for i, line in enumerate(lines) if line.startswith(("- ", "# ---")))
    out = [HEADER, "\n"]
    block: list[str] = []

    def flush() -> None:
        if block:
            entries = yaml.safe_load("".join(block))
            out.append(dump(to_csl(entries[0])))
            block.clear()

    for line in lines[body_start:]:
        if line.startswith("- "):
            flush()
            block.append(line)
        elif block and (line.startswith((" ", "\t")) or not line.strip()):
            if line.strip():
                block.append(line)
            else:
                flush()
                out.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "".join(out)


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/_data/references.yml")
    path.write_text(convert(path.read_text(encoding="utf-8")), encoding="utf-8")
