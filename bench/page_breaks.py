"""How close the form's paged preview comes to the PDF (not a test: it prints numbers).

For each example: the PDF as LibreOffice makes it from the DOCX (pdftotext, page by page), and the
form's paged preview in Chromium (the app under uvicorn, the example loaded as a drafter would);
prints both page counts and, page by page, the first words of each, and how many pages begin with
the same line.

    .venv/bin/python bench/page_breaks.py [EXAMPLE ...]
"""

from __future__ import annotations

import argparse
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXAMPLES = ["pks_bpjs_ketenagakerjaan_imigrasi", "nk_kementerian_pemprov", "pks_kanim_pemkab",
            "pks_kanim_universitas", "msp_ditjen_imigrasi_isa_jepang"]
WORDS = 6  # a page's first line, as its first words: the two wrap the same words alike or not at all


def first_words(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # the page number at the top of pages 2.. is furniture, not the text
    if lines and re.fullmatch(r"-\s*\d+\s*-", lines[0]):
        lines = lines[1:]
    return " ".join(" ".join(lines[:2]).split()[:WORDS])


def pdf_pages(name: str, folder: Path) -> list[str]:
    from drafting.pipeline import render_file

    target = folder / f"{name}.pdf"
    render_file(ROOT / "examples" / f"{name}.yaml", target, "pdf", force=True)
    pages = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    return [first_words(p) for p in pages if p.strip()]


def serve() -> str:
    import uvicorn

    from drafting.web.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(None), log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{sock.getsockname()[1]}"


def preview_pages(page, name: str) -> list[str]:  # noqa: ANN001 - playwright's Page
    frame = "document.getElementById('preview').contentDocument"
    page.evaluate(f"() => {{ if ({frame}.body) {frame}.body.dataset.seen = '1'; }}")
    page.select_option("#example", name)
    page.click("#load-example")
    # the frame's next document, laid out as pages
    page.wait_for_function(f"() => {frame}.body && !{frame}.body.dataset.seen && {frame}.body.dataset.pages")
    texts = page.frame_locator("#preview").locator(".page-area").all_inner_texts()
    return [first_words(t) for t in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("examples", nargs="*", default=EXAMPLES)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    url = serve()
    total = same = 0
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url)
        page.locator("#example option").nth(4).wait_for(state="attached")
        for name in args.examples:
            pdf, shown = pdf_pages(name, Path(tmp)), preview_pages(page, name)
            matches = sum(a == b for a, b in zip(pdf, shown))
            total += len(pdf)
            same += matches
            print(f"{name}: PDF {len(pdf)} pages, preview {len(shown)}; first line the same on {matches}")
            for i in range(max(len(pdf), len(shown))):
                a = pdf[i] if i < len(pdf) else "—"
                b = shown[i] if i < len(shown) else "—"
                print(f"  {i + 1:2} {'=' if a == b else '≠'} PDF: {a[:48]:48} | preview: {b[:48]}")
        browser.close()
    print(f"all: {same} of {total} PDF pages begin with the same line in the preview")


if __name__ == "__main__":
    main()
