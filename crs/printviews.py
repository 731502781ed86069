"""The print forms of course components for the PDFs (crs/pdf.py): the reflection and quiz
blocks as worksheets, and each question's worksheet and answer-key views (pure)."""

from __future__ import annotations

from types import SimpleNamespace

from crs import blocks
from crs.coursetext import CourseText
from crs.questiontypes import entry_for
from crs.questiontypes.base import Question
from crs.quizzes import Quiz
from crs.templating import render

REFLECTION_LINES = 7


class PrintReflection(blocks.Reflection):
    """The prompt as on the site, followed by ruled lines to write on (no no-JavaScript box:
    paper has the ruled space instead)."""

    def options_for_page(self) -> dict:
        return {"lines": REFLECTION_LINES}


class PrintQuiz(blocks.Quiz):
    """A worksheet: every option with a tick box, never the answers."""

    def render_html(self, item_id: str) -> str:
        model = self.model()
        return render_print_quiz(model.course.quizzes[item_id], model.text)


class PrintBlocksExtension(blocks.CourseBlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr) -> None:  # noqa: N802 (Markdown's API name)
        config = self.getConfigs()
        for block in (
            PrintReflection,
            PrintQuiz,
            blocks.Activity,
            blocks.Instructor,
            blocks.Editor,
        ):
            block_mgr.register(block, config)


# --------------------------------------------------------------------------------------------
# Quizzes and answer keys as print views (pure)
# --------------------------------------------------------------------------------------------


def question_view(number: int, q: Question, text: CourseText) -> SimpleNamespace:
    """What a learner sees of one question: prompt and choices, nothing that gives it away."""
    return SimpleNamespace(
        id=q.id,
        type=q.type,
        number=number,
        prompt=text.inline(q.prompt),
        **entry_for(q).worksheet(q, text.inline),
    )


def render_print_quiz(quiz: Quiz, text: CourseText) -> str:
    views = [question_view(n, q, text) for n, q in enumerate(quiz.questions, start=1)]
    intro = text.block(quiz.intro) if quiz.intro else None
    return render("print/quiz.html", quiz=quiz, intro=intro, questions=views)


def key_view(
    number: int, q: Question, text: CourseText, source_href: str, section: str
) -> SimpleNamespace:
    """One answer-key entry: the answer, the feedback of every choice, explanation, source."""
    view = question_view(number, q, text)
    view.explanation = text.block(q.explanation)
    view.source_href = source_href
    view.source_section = section
    view.source_quote = q.source_quote
    for name, value in entry_for(q).key_view(q, text.inline, text.block).items():
        setattr(view, name, value)
    return view
