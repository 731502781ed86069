"""The course's authoring syntax as pymdownx.blocks, so it works in any Python-Markdown setup.

    /// reflection | <stable-id>      a prompt the learner answers (saved in the browser)
    /// quiz | <quiz-id>              a self-check quiz from quizzes/<quiz-id>.yml
    /// activity | <activity-id>      a Read/Watch card from docs/_data/activities.yml
    /// instructor                    tutor notes: collected into the tutor guide, dropped here
    /// editor                        editing notes on the text (repairs, unchecked wording): for
                                      tutors and maintainers, dropped from learner pages

Ids are written by authors, never derived from position, so moving a page loses no answers.
Structural checks that need the whole course (unknown block names, duplicate ids, quizzes that
do not exist) live in crs.course; a block that cannot render here raises CourseError.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markdown import Markdown
from mkdocs.utils import get_relative_url
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string

from crs.downloads import pdf_path
from crs.errors import CourseError
from crs.reflections import render_reflection

if TYPE_CHECKING:
    from crs.model import CourseModel


@dataclass
class PageContext:
    """What the blocks render from: the course model, and the page being rendered (raw HTML is
    not rewritten by MkDocs, so links out of a rendered block need the page's URL). Whoever
    converts pages (the MkDocs hook, the PDF) makes one and moves it from page to page."""

    model: CourseModel | None = None
    page_url: str = ""

    def learner_pdf_href(self) -> str:
        """The learner edition (PDF) from the page being rendered ('' outside a site build)."""
        return get_relative_url(pdf_path("learner"), self.page_url) if self.page_url else ""


class _Rendered(Block):
    """A block whose whole output comes from course data through a Jinja template."""

    ARGUMENT = True

    def on_create(self, parent: etree.Element) -> etree.Element:
        holder = etree.SubElement(parent, "div", {"class": f"crs-{self.NAME}-holder"})
        holder.text = self.md.htmlStash.store(self.render_html(self.argument.strip()))
        return holder

    def render_html(self, item_id: str) -> str:
        raise NotImplementedError

    def model(self) -> CourseModel:
        """The course model the ids name (checked by crs.model.load before any page renders)."""
        context = self.config["context"]
        if context.model is None:
            raise CourseError(
                "crs.blocks",
                None,
                f"'/// {self.NAME}' renders from a course model: pass "
                "context=PageContext(crs.model.load(project)) in the extension's config",
            )
        return context.model


class Reflection(_Rendered):
    """A prompt the learner answers, rendered from the course model (crs.reflections) as the
    workspace and assignments render it. The body written in the page is the model's prompt,
    so the parser keeps it raw and it is dropped here."""

    NAME = "reflection"
    OPTIONS = {"guidance": ("", type_string)}

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.parent = parent
        # A paragraph holding only stashed block HTML is replaced by it whole: no wrapper.
        placeholder = etree.SubElement(parent, "p")
        placeholder.text = self.md.htmlStash.store(self.render_html(self.argument.strip()))
        self.body = etree.SubElement(parent, "div")
        return placeholder

    def on_add(self, block: etree.Element) -> etree.Element:
        return self.body

    def on_end(self, block: etree.Element) -> None:
        self.parent.remove(self.body)

    def render_html(self, item_id: str) -> str:
        model = self.model()
        base = f"reflect-{item_id}"
        reflection = model.course.reflection(item_id)
        return render_reflection(
            reflection, model.text, base, section_id=base, **self.options_for_page()
        )

    def options_for_page(self) -> dict:
        """Web pages add the no-JavaScript box, pointing to the learner edition."""
        return {"pdf_href": self.config["context"].learner_pdf_href()}


class Quiz(_Rendered):
    NAME = "quiz"

    def render_html(self, item_id: str) -> str:
        from crs import quizzes

        model = self.model()
        return quizzes.render_quiz(
            model.course.quizzes[item_id],
            model.text,
            pdf_href=self.config["context"].learner_pdf_href(),
        )


class Activity(_Rendered):
    NAME = "activity"

    def render_html(self, item_id: str) -> str:
        from crs import activities

        model = self.model()
        page_url = self.config["context"].page_url
        href = None
        if page_url:
            href = get_relative_url(
                f"references.html#{model.activities[item_id].reference}", page_url
            )
        return activities.render_activity(model.activities[item_id], model.references, href)


class Instructor(Block):
    """Tutor notes. Learner pages drop them; the tutor guide and tutor PDF show them."""

    NAME = "instructor"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.parent = parent
        aside = etree.SubElement(parent, "aside", {"class": "crs-instructor"})
        heading = etree.SubElement(aside, "p", {"class": "crs-instructor__label"})
        heading.text = "Tutor note"
        return aside

    def on_inline_end(self, block: etree.Element) -> None:
        if not self.config["show_instructor_notes"]:
            self.parent.remove(block)


class Editor(Instructor):
    """Editing notes (what was repaired or could not be checked). Like tutor notes, they are
    for the people who teach and maintain the course, never for learners."""

    NAME = "editor"

    def on_create(self, parent: etree.Element) -> etree.Element:
        aside = super().on_create(parent)
        aside.set("class", "crs-editor")
        aside[0].set("class", "crs-editor__label")
        aside[0].text = "Editing note"
        return aside

    def on_inline_end(self, block: etree.Element) -> None:
        # Collected with a link to their place in "Notes on the text" (crs/editing.py) rather
        # than shown where they are written, even in the tutor PDF.
        if not self.config["show_editing_notes"]:
            self.parent.remove(block)


class CourseBlocksExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = {
            # Read by crs.project when it loads the course model, not by the blocks.
            "quizzes_dir": ["quizzes", "Folder of quizzes/<quiz-id>.yml files"],
            "data_dir": ["docs/_data", "Folder of references.yml and activities.yml"],
            "show_instructor_notes": [False, "Keep /// instructor notes in the output"],
            "show_editing_notes": [False, "Keep /// editor notes in the output"],
            # Not None: Markdown would read a None-default option as a boolean.
            "context": [PageContext(), "A PageContext: the course model and the page rendered"],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        config = self.getConfigs()
        for block in (Reflection, Quiz, Activity, Instructor, Editor):
            block_mgr.register(block, config)


def makeExtension(*args, **kwargs) -> CourseBlocksExtension:  # noqa: N802 (Markdown's API name)
    return CourseBlocksExtension(*args, **kwargs)
