"""`scripts/check`: the course load alone (no site, no PDFs), fast enough to run on every save.

Prints the same file:line messages as the build, every fault at once; exit status 1 when there
is any. `python -m crs.check [-f mkdocs.yml]`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from crs import model
from crs.errors import CourseError


def check(config_file: Path) -> tuple[int, str]:
    """(exit status, what to print) for the project whose mkdocs.yml is `config_file`."""
    started = time.perf_counter()
    try:
        loaded = model.load(config_file.parent)
    except CourseError as error:
        return 1, str(error)
    course = loaded.course
    seconds = time.perf_counter() - started
    return 0, "\n".join(
        [
            *loaded.warnings,
            f"{len(course.pages)} pages, {len(course.quizzes)} quizzes, "
            f"{len(course.reflections)} reflection prompts checked in {seconds:.2f} s: no faults",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    status, message = check(parser.parse_args(argv).config_file.resolve())
    print(message, file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main())
