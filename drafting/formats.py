"""The output formats and the file suffix of each: what ``-o`` and ``--format`` accept."""

FORMATS: dict[str, str] = {"docx": ".docx", "md": ".md", "html": ".html", "pdf": ".pdf"}
