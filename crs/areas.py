"""The learner area and the tutor area of one site.

Tutor pages (everything under docs/tutor/, marked `tutor: true` by docs/tutor/.meta.yml) hold
the answer keys, so learners are never led there: the learner navigation, page-to-page links
and search index leave them out. Tutors reach their area from a marked footer link (or its
address), and their pages carry a navigation and a search index of their own.

mkdocs.yml's nav keeps the Tutor section, so the order of tutor pages is written once there;
`split_nav` takes it out of the learner navigation after MkDocs has built it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils import get_relative_url

from crs.templating import render

TUTOR_DIR = "tutor/"


def is_tutor(src_uri: str) -> bool:
    return src_uri.startswith(TUTOR_DIR)


@dataclass
class TutorNav:
    """What Material's nav partial reads (`items`, `homepage`), for tutor pages."""

    items: list = field(default_factory=list)
    homepage: object = None


def area_link(page, site_url: str) -> str:
    """The footer link to the other area (crs/templates/area-link.html) for a page, or with no
    page for a theme page such as 404.html, whose links start at the site's root path."""
    tutor = page is not None and is_tutor(page.file.src_uri)
    target = "index.html" if tutor else f"{TUTOR_DIR}index.html"
    if page is None:
        href = f"{urlsplit(site_url or '/').path.rstrip('/')}/{target}"
    else:
        href = get_relative_url(target, page.url)
    return render("area-link.html", tutor=tutor, href=href)


def _pages(items) -> list:
    found = []
    for item in items:
        if getattr(item, "is_page", False):
            found.append(item)
        found += _pages(getattr(item, "children", None) or [])
    return found


def _relink(pages: list) -> None:
    """Previous/next (Material's footer links) within one area only."""
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None


def split_nav(nav, back_to_course) -> TutorNav:
    """Move the top-level nav entries whose pages are all tutor pages out of `nav` (the
    learner navigation) into the returned tutor navigation, which ends with `back_to_course`
    (a mkdocs Link to the module home)."""
    tutor_items = [
        item
        for item in nav.items
        if _pages([item]) and all(is_tutor(p.file.src_uri) for p in _pages([item]))
    ]
    nav.items = [item for item in nav.items if item not in tutor_items]
    for item in tutor_items:
        item.parent = None
    learner_pages = [p for p in nav.pages if not is_tutor(p.file.src_uri)]
    tutor_pages = _pages(tutor_items)
    nav.pages = learner_pages
    _relink(learner_pages)
    _relink(tutor_pages)
    return TutorNav([*tutor_items, back_to_course], tutor_pages[0] if tutor_pages else None)


_URL = re.compile(r"[ \t]*<url>.*?</url>\n?", re.S)
_LOC = re.compile(r"<loc>(.*?)</loc>")


def tutor_sitemap(site_dir: Path, site_url: str) -> None:
    """tutor/sitemap.xml: the tutor pages alone. Material's instant navigation takes over only
    links listed in the sitemap under its search base, which is tutor/ on tutor pages: moves
    within the tutor area stay instant, and a link out of it loads the learner page afresh,
    with the learner search."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = sitemap.read_text(encoding="utf-8")
    prefix = site_url.rstrip("/") + "/" + TUTOR_DIR
    entries = [
        match.group(0)
        for match in _URL.finditer(text)
        if (loc := _LOC.search(match.group(0))) and loc.group(1).startswith(prefix)
    ]
    if not entries:
        return
    only_tutor = _URL.sub("", text).replace("</urlset>", "".join(entries) + "</urlset>")
    (site_dir / TUTOR_DIR).mkdir(parents=True, exist_ok=True)
    (site_dir / TUTOR_DIR / "sitemap.xml").write_text(only_tutor, encoding="utf-8")


def split_search_index(site_dir: Path) -> None:
    """Keep tutor pages out of the learner search index, and give the tutor area its own
    (tutor/search/search_index.json, and the .js form Material reads from file://). Tutor pages
    set their search base to tutor/, so their entries' locations are relative to it."""
    learner_path = site_dir / "search" / "search_index.json"
    if not learner_path.is_file():
        return
    index = json.loads(learner_path.read_text(encoding="utf-8"))
    learner = [doc for doc in index["docs"] if not is_tutor(doc["location"])]
    tutor = [
        {**doc, "location": doc["location"][len(TUTOR_DIR) :]}
        for doc in index["docs"]
        if is_tutor(doc["location"])
    ]
    learner_path.write_text(json.dumps({**index, "docs": learner}), encoding="utf-8")
    if not tutor:
        return  # a site without the tutor area (the learner SCORM package)
    folder = site_dir / TUTOR_DIR / "search"
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps({**index, "docs": tutor})
    (folder / "search_index.json").write_text(data, encoding="utf-8")
    # What Material's offline plugin writes for the learner index, for file://.
    (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
