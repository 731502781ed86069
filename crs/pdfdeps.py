"""What the PDFs need from the system: WeasyPrint's libraries and the fonts print.css names.
Each is checked before any layout starts, and a missing one fails naming what to install."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from crs.errors import CourseError

# Debian packages of the system libraries WeasyPrint loads (Pango, HarfBuzz, fontconfig).
WEASYPRINT_DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1"
# Font files named in print.css, with the Debian package that installs each.
FONTS = {
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf": "fonts-liberation",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf": "fonts-liberation",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf": "fonts-liberation",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-BoldItalic.ttf": "fonts-liberation",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf": "fonts-liberation",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf": "fonts-liberation",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf": "fonts-dejavu-core",
}


def import_weasyprint(importer: Callable[[str], Any] = importlib.import_module):
    """The weasyprint module; its missing system libraries become one clear error."""
    try:
        return importer("weasyprint")
    except OSError as error:
        raise CourseError(
            "requirements.txt",
            None,
            f"WeasyPrint cannot load its system libraries ({error}); on Debian install them "
            f"with: apt-get install {WEASYPRINT_DEBIAN_PACKAGES}",
        ) from None


def missing_fonts(fonts: Mapping[str, str] = FONTS) -> list[str]:
    """Debian packages to install for the font files print.css needs (empty when all exist)."""
    return sorted({package for path, package in fonts.items() if not Path(path).is_file()})


def check_fonts(fonts: Mapping[str, str] = FONTS) -> None:
    packages = missing_fonts(fonts)
    if packages:
        raise CourseError(
            "crs/templates/print/print.css",
            None,
            f"the PDF fonts are missing; on Debian install them with: "
            f"apt-get install {' '.join(packages)}",
        )
