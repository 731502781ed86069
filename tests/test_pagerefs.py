"""crs/pagerefs.py: page references in WeasyPrint come out right and in fewer passes."""

from __future__ import annotations

import logging
import types

import pytest
import weasyprint

from crs import pagerefs

# A contents line (a reference to a later page), two chapters, and a back reference, each
# chapter on a page of its own, numbered "N of M" like the PDFs.
DOCUMENT = """<!DOCTYPE html><html><head><style>
@page { size: A6; @bottom-center { content: counter(page) " of " counter(pages); } }
h1 { break-before: page; }
a::after { content: " (p. " target-counter(attr(href url), page) ")"; }
</style></head><body>
<p>Contents: <a href="#two">Two</a></p>
<h1 id="one">One</h1><p>Text.</p>
<h1 id="two">Two</h1><p>Text.</p>
<h1 id="three">Three</h1><p>Back to <a href="#one">One</a>.</p>
</body></html>"""


@pytest.fixture
def laid_out_pages():
    """Page numbers in the order WeasyPrint lays pages out, one entry per layout."""
    numbers: list[int] = []

    class Pages(logging.Handler):
        def emit(self, record):
            message = record.getMessage()
            if "Creating layout - Page" in message and "up-to-date" not in message:
                numbers.append(int(message.rsplit(" ", 1)[1]))

    logger = logging.getLogger("weasyprint.progress")
    handler, level = Pages(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield numbers
    logger.removeHandler(handler)
    logger.setLevel(level)


def page_texts(document) -> list[str]:
    texts = []
    for page in document.pages:
        boxes = page._page_box.descendants()
        texts.append(" ".join(b.text for b in boxes if hasattr(b, "text") and b.text.strip()))
    return texts


def test_references_are_laid_out_once_or_twice_with_the_right_numbers(laid_out_pages):
    assert pagerefs.install(weasyprint)
    document = weasyprint.HTML(string=DOCUMENT).render()
    texts = page_texts(document)
    assert "(p. 3)" in texts[0]  # the contents line: "Two" is on page 3
    assert "(p. 2)" in texts[3]  # the back reference: "One" is on page 2
    assert texts[3].endswith("4 of 4")
    # Every page once; the page with the contents line (a later page) a second time. WeasyPrint
    # alone lays out both pages holding references three times.
    assert sorted(laid_out_pages) == [1, 1, 2, 3, 4]


def test_install_is_idempotent_and_leaves_other_versions_alone():
    assert pagerefs.install(weasyprint)
    patched = weasyprint.layout.make_all_pages
    assert pagerefs.install(weasyprint)
    assert weasyprint.layout.make_all_pages is patched
    assert not pagerefs.install(types.SimpleNamespace(__version__="71.0"))
