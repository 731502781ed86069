"""Build logic of the co-production course: Markdown blocks, course model, exporters."""
