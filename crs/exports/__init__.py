"""Exports of the module for other systems, written into dist/.

    FORMATS: name -> writer(config_file, out_dir) -> path written

Each format lives in its own module; this table is the one list scripts/export offers.

Usage: scripts/export [--format NAME ...] [--out dist] [-f mkdocs.yml]   (no --format: all)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from crs.errors import CourseError
from crs.exports import scorm

FORMATS = {
    "scorm12": scorm.writer("scorm12"),
    "scorm2004": scorm.writer("scorm2004"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/export", description=__doc__.split("\n")[0])
    parser.add_argument("--format", action="append", choices=sorted(FORMATS), dest="formats")
    parser.add_argument("--out", type=Path, default=Path("dist"))
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    for name in args.formats or list(FORMATS):
        started = time.perf_counter()
        try:
            target = FORMATS[name](args.config_file, args.out)
        except CourseError as error:
            print(f"crs: export {name} failed: {error}", file=sys.stderr)
            return 1
        print(f"crs: wrote {target} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
