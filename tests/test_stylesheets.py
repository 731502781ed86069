"""Material's stylesheets, cut at build time to the rules the site can use (crs/stylesheets.py):
no rule a built page or Material's script can match is lost, the cut copy is what every page
links, under a name hashed on its content, and PurgeCSS runs again only when what it sees
changed."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest
from conftest import ROOT, needs_node

from crs import diskcache, stylesheets

THEME = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
RULE = re.compile(r"([^{}]+)\{[^{}]*\}")
PSEUDO = re.compile(r"::?[\w-]+")


def selectors(css: str) -> set[str]:
    """Every selector of every rule, inside at-rules too (their preludes are not selectors)."""
    found = set()
    for rule in RULE.finditer(re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        found.update(s.strip() for s in rule[1].split(",") if not s.strip().startswith("@"))
    return found


class Markup(HTMLParser):
    """The classes and tags of a page, read by an HTML parser (not the build's patterns)."""

    def __init__(self):
        super().__init__()
        self.classes: set[str] = set()
        self.tags: set[str] = set()
        self.attributes: set[tuple[str, str | None]] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.update({(name, None), (name, value)})
            if name == "class" and value:
                self.classes.update(value.split())


def simple_selector_needs(selector: str):
    """The classes, tags and attributes (name, value or None) a selector needs to match, for
    selectors of those, combinators and argument-free pseudo-classes only (None for the rest,
    which this test leaves to the browser tests: ids, functional pseudo-classes, attribute
    values matched in part)."""
    if any(c in selector for c in "#(*") or re.search(r"[~|^$*]=", selector):
        return None
    attributes = {
        (name, value.strip('"') if value else None)
        for name, value in re.findall(r"\[([\w-]+)(?:=([^\]]+))?\]", selector)
    }
    bare = PSEUDO.sub("", re.sub(r"\[[^\]]*\]", "", selector))
    classes = set(re.findall(r"\.([\w-]+)", bare))
    tags = set(re.findall(r"(?:^|[\s>+~])([a-z][a-z0-9]*)", bare))
    return classes, tags, attributes


def linked_sheet(page: str, stem: str) -> str:
    [name] = set(re.findall(rf"assets/stylesheets/({stem}\.[0-9a-f]{{8}}\.min\.css)", page))
    return name


@pytest.fixture(scope="module")
def markup(site_dir) -> Markup:
    parser = Markup()
    for page in site_dir.rglob("*.html"):
        parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("stem", ["main", "palette"])
def test_every_page_links_the_cut_sheet_under_its_content_hash(site_dir, stem):
    [original] = THEME.glob(f"{stem}.*.min.css")
    names = {linked_sheet(p.read_text(encoding="utf-8"), stem) for p in site_dir.rglob("*.html")}
    [name] = names
    cut = (site_dir / "assets" / "stylesheets" / name).read_bytes()
    assert name == f"{stem}.{hashlib.sha256(cut).hexdigest()[:8]}.min.css"
    assert (
        name != original.name and not (site_dir / "assets" / "stylesheets" / original.name).exists()
    )
    assert len(cut) < 0.7 * original.stat().st_size


@pytest.mark.parametrize("stem", ["main", "palette"])
def test_no_rule_a_page_or_materials_script_can_match_is_lost(site_dir, markup, stem):
    [original] = THEME.glob(f"{stem}.*.min.css")
    name = linked_sheet((site_dir / "index.html").read_text(encoding="utf-8"), stem)
    kept = selectors((site_dir / "assets" / "stylesheets" / name).read_text(encoding="utf-8"))
    [bundle] = (site_dir / "assets" / "javascripts").glob("bundle.*.min.js")
    # Classes Material's script gives the markup it draws: search results, tooltips, the palette.
    drawn = set(re.findall(r"md-[\w-]+", bundle.read_text(encoding="utf-8")))
    classes, tags = markup.classes | drawn, markup.tags
    checked, lost = 0, []
    for selector in selectors(original.read_text(encoding="utf-8")):
        needs = simple_selector_needs(selector)
        if needs and needs[0] <= classes and needs[1] <= tags and needs[2] <= markup.attributes:
            checked += 1
            if selector not in kept:
                lost.append(selector)
    assert not lost, f"rules lost from {original.name}: {sorted(lost)[:20]}"
    assert checked > (200 if stem == "main" else 3)


def test_a_page_is_read_for_its_classes_tags_and_attribute_values():
    page = b'<div class="md-typeset crs-a" data-md-color-scheme="slate"><p hidden>text</p></div>'
    tokens = stylesheets.site_tokens([page], [b'el.classList.add("md-tooltip2--active")'], {"dir"})
    assert {"md-typeset", "crs-a", "div", "p", "slate", "md-tooltip2--active", "dir"} <= tokens
    assert "text" not in tokens


def test_pages_cut_at_navigation_items_give_the_tokens_of_whole_pages():
    """Pages are read as their distinct pieces, cut before each navigation item: the tokens are
    the same as read whole, whatever the pieces hold."""
    item = b'<li class="md-nav__item md-nav__item--active"><a href="x.html" title="X">X</a></li>'
    pages = [
        b'<nav class="md-nav">' + item * 3 + b'</nav><p class="crs-a" data-x="one">a="b</p>',
        b'<nav class="md-nav">' + item * 3 + b'</nav><p class="crs-b" data-x="two">"</p>',
    ]
    whole = set()
    for page in pages:
        whole |= stylesheets.site_tokens([page], [], set())
    assert stylesheets.site_tokens(pages, [], set()) == whole
    assert {"md-nav__item--active", "x.html", "crs-a", "crs-b", "one", "two", "li"} <= whole


def test_only_tokens_a_selector_can_see_are_kept_for_the_cache_key():
    css = '.a{color:red}[id^="fnref:"]{top:0}[data-x=slate]{top:1px}'
    visible = stylesheets.visible_tokens(css, {"a", "b", "fnref:1", "slate", "paragraph"})
    assert visible == ["a", "fnref:", "slate"]


@needs_node
def test_purgecss_keeps_matched_rules_and_runs_again_only_on_new_tokens(tmp_path):
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    css = ".a{color:red}.b{color:blue}.a .c{color:green}[data-s=dark]{top:0}"
    slim = stylesheets._purged(tmp_path, css, ["a", "data-s", "dark"])
    assert ".a{color:red}" in slim and "[data-s=dark]" in slim
    assert ".b" not in slim and ".c" not in slim
    [entry] = (tmp_path / stylesheets.CACHE).iterdir()
    diskcache.write(entry, "/* cached */", keep=1)
    assert stylesheets._purged(tmp_path, css, ["a", "data-s", "dark"]) == "/* cached */"
    assert ".c" in stylesheets._purged(tmp_path, css, ["a", "c"])
