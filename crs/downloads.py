"""Where the PDFs are in the built site (scripts/build writes them there, crs/pdf.py names them),
so pages that point learners at the learner edition use the same address."""

PDF_NAME = "co-production-{edition}.pdf"


def pdf_path(edition: str) -> str:
    """Site-relative path of one edition's PDF."""
    return f"downloads/{PDF_NAME.format(edition=edition)}"
