"""One LibreOffice kept running for a batch worker, converting DOCX to PDF on request.

Run by the Python that has LibreOffice's UNO bindings (Debian's ``/usr/bin/python3`` with
``python3-uno``), not by drafting's own: it imports nothing of drafting. It starts ``soffice``
with the profile folder it is given, then reads one JSON line per document from standard input,
``{"docx": "/…/naskah-1.docx", "pdf": "/…/naskah-1.pdf"}``, and answers each with one line,
``ok`` or ``error: …``. When standard input closes (the worker is done, or died) it ends
LibreOffice and exits.

    /usr/bin/python3 uno_server.py SOFFICE PROFILE_FOLDER
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

START_SECONDS = 120


def _property(name, value):  # type: ignore[no-untyped-def]
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe, office):  # type: ignore[no-untyped-def]
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception:  # noqa: BLE001 - not listening yet
            if office.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def main() -> None:
    program, profile = sys.argv[1], Path(sys.argv[2])
    pipe = f"drafting-{os.getpid()}"
    office = subprocess.Popen([program, f"-env:UserInstallation={profile.absolute().as_uri()}", "--headless",
                               "--invisible", "--norestore", "--nologo", "--nodefault",
                               f"--accept=pipe,name={pipe};urp;"],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        desktop = _connect(pipe, office)
        for line in sys.stdin:
            request = json.loads(line)
            try:
                document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(request["docx"]), "_blank", 0,
                                                        (_property("Hidden", True),))
                try:
                    document.storeToURL(uno.systemPathToFileUrl(request["pdf"]),
                                        (_property("FilterName", "writer_pdf_Export"),))
                finally:
                    document.close(True)
                answer = "ok"
            except Exception as exc:  # noqa: BLE001 - this document failed; the next one may not
                answer = f"error: {type(exc).__name__}: {exc}".replace("\n", " ")
            sys.stdout.write(answer + "\n")
            sys.stdout.flush()
    finally:
        try:
            if desktop is not None:
                desktop.terminate()
        except Exception:  # noqa: BLE001 - it is going away either way
            pass
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    main()
