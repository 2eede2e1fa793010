"""Drafting in the browser: a form that mirrors the input model, a live preview rendered from the
same numbered document as the DOCX, downloads, and the registry: open, renew and save entries
(``drafting serve``)."""
