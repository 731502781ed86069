"""How long a lesson takes: an estimate from what the learner does, to keep front-matter times
honest.

lesson Markdown --learner_words--> words read on the page
words + required activities + prompts + questions --estimate_minutes--> minutes
course --check_lesson_times--> a warning per lesson whose `time` is more than 30% off

The rates are stated in README.md ("Lesson times"); change them there and here together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from crs import course as course_model
from crs.questiontypes import entry_for

WORDS_PER_MINUTE = 200  # lesson text, read with care
MINUTES_PER_PAGE = 4  # an assigned reading, per page
MINUTES_PER_PROMPT = 4  # a reflection prompt, thought about and answered
# A quiz question: each question type's entry says how long it takes (QuestionType.minutes).
TOLERANCE = 0.30

# Blocks whose text is not lesson reading: notes the learner never sees, and blocks whose time
# is counted by their own rate.
_NOT_READ = {"instructor", "editor", "reflection", "quiz", "activity"}
_INCLUDE = re.compile(r"\{!\s*([^!]+?)\s*!\}")
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['\u2019-][A-Za-z0-9\u00c0-\u024f]+)*")
_MARKUP = re.compile(r"<!--.*?-->|<[^>]+>|\[-?@[^\]]*\]|\[\^[^\]]+\]|\{[:#.][^}]*\}", re.S)


def pages_of(extent: str) -> int:
    """Pages in a reading's extent: '14–16' is 3 pages, '8' is 1, '' is 0."""
    numbers = [int(n) for n in re.findall(r"\d+", extent)]
    if not numbers:
        return 0
    return numbers[-1] - numbers[0] + 1 if len(numbers) > 1 else 1


def estimate_minutes(
    words: int,
    reading_pages: int = 0,
    video_minutes: int = 0,
    prompts: int = 0,
    question_minutes: Iterable[float] = (),
) -> int:
    """Whole minutes (rounded up from the sum of the rates above)."""
    total = (
        words / WORDS_PER_MINUTE
        + reading_pages * MINUTES_PER_PAGE
        + video_minutes
        + prompts * MINUTES_PER_PROMPT
        + sum(question_minutes)
    )
    return max(1, -int(-total // 1))


def is_off(stated: int, estimate: int, tolerance: float = TOLERANCE) -> bool:
    """Whether a stated time is more than `tolerance` away from the estimate."""
    return abs(stated - estimate) > tolerance * estimate


def learner_words(
    body: str, src: str, known_blocks: set[str], include_dir: Path | None = None
) -> int:
    """Words a learner reads in a page body: notes, prompts, quizzes and cards left out (they
    have rates of their own), markup and citations removed, includes read from include_dir."""
    if include_dir is not None:
        body = _INCLUDE.sub(lambda m: (include_dir / m.group(1)).read_text(encoding="utf-8"), body)
    lines = body.split("\n")
    drop: set[int] = set()
    uses = course_model.scan_blocks(body, src, known_blocks)
    for use in uses:
        if use.name in _NOT_READ:
            end = _block_end(lines, use.line - 1)
            drop.update(range(use.line - 1, end + 1))
    kept = "\n".join(line for index, line in enumerate(lines) if index not in drop)
    return len(_WORD.findall(_MARKUP.sub(" ", kept)))


def _block_end(lines: list[str], start: int) -> int:
    """Index of the closing `///` of the block opened at `start` (blocks here do not nest)."""
    for index in range(start + 1, len(lines)):
        if lines[index].strip() == "///":
            return index
    return len(lines) - 1


def lesson_estimate(
    page: course_model.Page,
    text: str,
    known_blocks: set[str],
    activities: Mapping,
    quizzes: Mapping,
    include_dir: Path | None = None,
) -> int:
    """The estimate for one lesson page (its full Markdown `text`, front matter included).

    Required Read/Watch activities count; optional ones do not, as the learner may skip them."""
    body_start = course_model.body_start_line(text)
    body = "\n".join(text.split("\n")[body_start - 1 :])
    words = learner_words(body, page.src, known_blocks, include_dir)
    words += sum(len(_WORD.findall(item)) for item in (*page.objectives, *page.keypoints))
    used = [activities[activity_id] for activity_id, _ in page.activity_uses]
    required = [a for a in used if not a.optional]
    return estimate_minutes(
        words,
        reading_pages=sum(pages_of(a.pages) for a in required if a.type == "read"),
        video_minutes=sum(a.duration or 0 for a in required if a.type == "watch"),
        prompts=len(page.reflections),
        question_minutes=[
            entry_for(q).minutes
            for quiz_id, _ in page.quiz_uses
            if quiz_id in quizzes
            for q in quizzes[quiz_id].questions
        ],
    )


def check_lesson_times(
    the_course: course_model.Course,
    docs_dir: Path,
    known_blocks: set[str],
    activities: Mapping,
) -> list[str]:
    """A warning for each lesson whose front-matter `time` is more than 30% off its estimate."""
    warnings = []
    for page in the_course.lessons:
        text = (docs_dir / page.src).read_text(encoding="utf-8")
        estimate = lesson_estimate(
            page, text, known_blocks, activities, the_course.quizzes, docs_dir
        )
        if is_off(page.time, estimate):
            warnings.append(
                f"{page.src_label}:{_time_line(text)}: expected 'time' within 30% of the "
                f"estimated {estimate} minutes (README, 'Lesson times'), found {page.time}"
            )
    return warnings


def _time_line(text: str) -> int:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("time:"):
            return number
    return 1
