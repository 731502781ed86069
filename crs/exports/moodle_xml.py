"""Moodle XML: every question and reflection prompt of the course, one category question per lesson.

HTML (the site's rendering) goes in CDATA; everything else is escaped text. Moodle XML has no
schema and its importer says little, so the tests check the structure with lxml. Each type's
mapping is the moodle_xml(q, out) method of its registry entry (crs/questiontypes/);
`out` is an XmlQuestion.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from crs.exports import bank as banks
from crs.exports.bank import Bank, BankWriter
from crs.questiontypes import entry_for
from crs.questiontypes.base import Question

SUFFIX = ".moodle.xml"
ESSAY_LINES = "10"  # height of the learner's answer box


def cdata(html_text: str) -> str:
    """HTML as CDATA; a "]]>" inside is split over two sections."""
    return "<![CDATA[" + html_text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text(value: str, html: bool) -> str:
    return f"<text>{cdata(value) if html else escape(value)}</text>"


def _formatted(tag: str, html_text: str) -> list[str]:
    return [f'<{tag} format="html">', "  " + _text(html_text, True), f"</{tag}>"]


class XmlQuestion(BankWriter):
    """The type-specific part of one <question>, filled by its type's moodle_xml(q, out)."""

    def __init__(self, bank: Bank, q: Question):
        super().__init__(bank, q)
        self.type = ""
        self.penalty = "0.3333333"
        self.body: list[str] = []

    def kind(self, name: str) -> None:
        """Moodle's question type: multichoice, truefalse, shortanswer, matching, ordering."""
        self.type = name

    def value(self, tag: str, text: str) -> None:
        self.body.append(f"<{tag}>{escape(text)}</{tag}>")

    def multichoice(self, single: bool) -> None:
        self.kind("multichoice")
        self.value("single", "true" if single else "false")
        self.value("shuffleanswers", "false")  # options stay in the author's order, as on the site
        self.value("answernumbering", "abc")

    def answer(self, fraction: str, text: str, feedback_html: str = "", html: bool = True) -> None:
        """fraction: percent from Moodle's list (ordering: the position); text: HTML, or plain
        text where Moodle reads the answer as such (true/false, short-answer patterns)."""
        fmt = "html" if html else "moodle_auto_format"
        self.body += [f'<answer fraction="{fraction}" format="{fmt}">', "  " + _text(text, html)]
        if feedback_html:
            self.body += ["  " + line for line in _formatted("feedback", feedback_html)]
        self.body.append("</answer>")

    def subquestion(self, text_html: str, answer: str) -> None:
        self.body += [
            '<subquestion format="html">',
            "  " + _text(text_html, True),
            "  <answer>",
            "    " + _text(answer, False),
            "  </answer>",
            "</subquestion>",
        ]


def _question(kind: str, name: str, text_html: str, general_html: str, penalty: str) -> list[str]:
    return [
        f'<question type="{kind}">',
        "  <name>",
        "    " + _text(name, False),
        "  </name>",
        *("  " + line for line in _formatted("questiontext", text_html)),
        *("  " + line for line in _formatted("generalfeedback", general_html)),
        "  <defaultgrade>1</defaultgrade>",
        f"  <penalty>{penalty}</penalty>",
        "  <hidden>0</hidden>",
        f"  <idnumber>{escape(name)}</idnumber>",
    ]


def _essay(bank: Bank, prompt) -> list[str]:
    guidance = ""
    if prompt.guidance:
        guidance = f"<p>Guidance given to learners: {escape(prompt.guidance)}</p>"
    settings = (
        ("responseformat", "editor"),
        ("responserequired", "1"),
        ("responsefieldlines", ESSAY_LINES),
        ("attachments", "0"),
        ("attachmentsrequired", "0"),
        ("maxbytes", "0"),
    )
    return [
        *_question("essay", prompt.id, banks.essay_text(bank, prompt), "", "0"),
        *(f"  <{tag}>{value}</{tag}>" for tag, value in settings),
        *("  " + line for line in _formatted("graderinfo", guidance)),
        *("  " + line for line in _formatted("responsetemplate", "")),
        "</question>",
    ]


def xml_text(bank: Bank) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!-- Question bank written by scripts/export from the course model. "
        "Import in Moodle: Question bank > Import > Moodle XML format. -->",
        "<quiz>",
    ]
    for section in bank.sections:
        category = [
            '<question type="category">',
            "  <category>",
            "    " + _text(bank.category(section), False),
            "  </category>",
            "</question>",
        ]
        questions = [category]
        for q in section.questions:
            out = XmlQuestion(bank, q)
            entry_for(q).moodle_xml(q, out)
            general = banks.general_feedback(bank, q, out.feedback)
            head = _question(out.type, q.id, bank.inline(q.prompt), general, out.penalty)
            questions.append([*head, *("  " + line for line in out.body), "</question>"])
        questions += [_essay(bank, prompt) for prompt in section.prompts]
        lines += ["  " + line for question in questions for line in question]
    return "\n".join([*lines, "</quiz>", ""])
