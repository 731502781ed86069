"""GIFT, Moodle's text format for question banks: every question and reflection prompt of the
course, one $CATEGORY per lesson.

Texts are written as [html], the HTML the site shows: Moodle's [markdown] is another dialect
(no ==mark==, ^^insert^^, smart symbols or the site's raw-HTML-as-text rule), so HTML is the
one form that looks the same in Moodle as on the site. Every text is escaped (\\ ~ = # { } :)
and its line breaks written as \\n, so no text line can start a comment or end a question.
Each type's mapping is the gift(q, out) method of its registry entry (crs/questiontypes/);
`out` is a GiftQuestion.
"""

from __future__ import annotations

from crs.exports import bank as banks
from crs.exports.bank import Bank, BankWriter
from crs.questiontypes import entry_for
from crs.questiontypes.base import Question

SUFFIX = ".gift.txt"


def escape(text: str) -> str:
    """Any text as GIFT text: the backslash first, then each control character."""
    text = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def rich(html_text: str) -> str:
    """HTML as GIFT text. GIFT cannot escape "->" (it splits a matching pair), so its ">" is
    written as the entity, which reads the same in HTML."""
    return escape(html_text.replace("->", "-&gt;"))


class GiftQuestion(BankWriter):
    """The answer block of one question, filled by its type's gift(q, out)."""

    def __init__(self, bank: Bank, q: Question):
        super().__init__(bank, q)
        self.comments: list[str] = []
        self.lines: list[str] = []

    def comment(self, text: str) -> None:
        self.comments.append(text)

    def choice(self, mark: str, text_html: str, feedback_html: str = "") -> None:
        """mark: "=" right, "~" wrong, "~%50%" a weighted option."""
        self.lines.append(mark + rich(text_html) + _feedback(feedback_html))

    def true_false(self, answer: bool, wrong_html: str, right_html: str) -> None:
        """GIFT gives the feedback for a wrong answer first, then for a right one."""
        self.lines.append("TRUE" if answer else "FALSE")
        self.lines += ["#" + rich(wrong_html), "#" + rich(right_html)]

    def short(self, pattern: str, grade: str | None = None, feedback: str = "") -> None:
        mark = "=" if grade is None else f"=%{grade}%"
        self.lines.append(mark + escape(pattern) + _feedback(feedback))

    def match(self, left_html: str, right: str) -> None:
        """A matching pair: HTML on the left, plain text on the right (Moodle's answer menu)."""
        self.lines.append(f"={rich(left_html)} -> {escape(right)}")


def _feedback(html_text: str) -> str:
    return "#" + rich(html_text) if html_text else ""


def _question(qid: str, comments: list[str], text_html: str, answers: list[str]) -> str:
    head = [f"// [id:{qid}]", *(f"// {c}" for c in comments)]
    opening = f"::{escape(qid)}::[html]{rich(text_html)}{{"
    if not answers:
        return "\n".join([*head, opening + "}"])
    return "\n".join([*head, opening, *(f"\t{line}" for line in answers), "}"])


def gift_text(bank: Bank) -> str:
    """The whole bank as GIFT: blocks separated by one blank line."""
    blocks = [
        f"// Question bank of “{bank.title}”, written by scripts/export from the course model.\n"
        "// Import in Moodle: Question bank > Import > GIFT format."
    ]
    for section in bank.sections:
        blocks.append(f"$CATEGORY: {bank.category(section)}")
        for q in section.questions:
            out = GiftQuestion(bank, q)
            entry_for(q).gift(q, out)
            general = banks.general_feedback(bank, q, out.feedback)
            answers = [*out.lines, "####" + rich(general)]
            blocks.append(_question(q.id, out.comments, bank.inline(q.prompt), answers))
        for prompt in section.prompts:
            blocks.append(_question(prompt.id, [], banks.essay_text(bank, prompt), []))
    return "\n\n".join(blocks) + "\n"
