"""Comparisons of two versions of a naskah, and the redlines written from them.

``compare(old, new)`` gives the change model (``changes.Comparison``) of two numbered documents;
``redline_docx`` writes it as a Word document with tracked changes, ``redline_html`` as an HTML
page. ``word_files.compare_docx`` compares two Word files the tool did not make.
"""
