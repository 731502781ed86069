"""The question-type registry: one entry per type, each in its own module.

Adding a type: its entry here, its web and print template parts
(crs/templates/questions/<type>.html, crs/templates/print/questions/<type>.html), its front-end
module (overrides/crs/questions/<type>.js) and its branch of quizzes/schema.json.
"""

from __future__ import annotations

from crs.questiontypes.base import Question, QuestionType
from crs.questiontypes.choice import Multiple, Single
from crs.questiontypes.classify import Classify
from crs.questiontypes.fillin import FillIn
from crs.questiontypes.order import Order
from crs.questiontypes.truefalse import TrueFalse

ENTRIES: dict[str, QuestionType] = {
    entry.name: entry
    for entry in (Single(), Multiple(), TrueFalse(), FillIn(), Classify(), Order())
}
TYPES = tuple(ENTRIES)


def entry_for(question: Question) -> QuestionType:
    return ENTRIES[question.type]
