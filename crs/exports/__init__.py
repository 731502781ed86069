"""Exports of the course for other systems (quiz banks, LMS packages): crs.exports.formats holds
the table of formats; `python -m crs.exports` is scripts/export."""
