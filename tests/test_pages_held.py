"""Components held out of the Markdown conversion (crs.pages HTML_ONLY, put_back) give the
page the same HTML as converting them with it: only the time spent differs."""

from __future__ import annotations

import markdown
import pytest
from conftest import ROOT
from mkdocs.utils.meta import get_data

from crs import blocks, course, model, pages, shortcodes
from crs.project import BLOCKS_EXTENSION


@pytest.fixture(scope="module")
def the_model():
    return model.load(ROOT)


def convert(the_model, page_url: str, text: str) -> str:
    project = the_model.project
    configs = {
        **project.extension_configs,
        BLOCKS_EXTENSION: {
            **project.extension_configs.get(BLOCKS_EXTENSION, {}),
            "context": blocks.PageContext(the_model, page_url),
        },
    }
    md = markdown.Markdown(extensions=list(project.extensions), extension_configs=configs)
    return md.convert(text)


def test_only_markers_can_be_held():
    assert pages.HTML_ONLY <= shortcodes.NAMES


def test_a_page_with_held_parts_converts_to_the_same_html(the_model):
    checked = set()
    docs = the_model.project.docs
    for src in sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")):
        text = (docs / src).read_text(encoding="utf-8")
        body, _ = get_data(text)
        url = src[: -len(".md")] + ".html"
        first = course.body_start_line(text)
        held: dict[str, str] = {}
        filled = pages.fill_page(body, src, url, the_model, first, held)
        if not held:
            continue
        assert all(html not in filled for html in held.values())
        whole = convert(the_model, url, pages.fill_page(body, src, url, the_model, first))
        assert pages.put_back(convert(the_model, url, filled), held) == whole, src
        checked |= set(shortcodes.markers(text))
    assert checked >= pages.HTML_ONLY | {"tutor-guide"}
