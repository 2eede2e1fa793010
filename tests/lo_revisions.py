"""Reads tracked changes back with LibreOffice itself, through UNO: for each DOCX given, the
revisions LibreOffice lists (type, author, date), and the text after *Accept All* and after
*Reject All*, each as LibreOffice's own commands do it.

Run by Debian's /usr/bin/python3, which has the ``uno`` module (package python3-uno, which comes
with LibreOffice): ``python3 lo_revisions.py A.docx [B.docx …]`` prints one JSON object per file.
A file without revisions gives its plain text three times, so a redline's accepted text can be
compared with the text of the document it should become, both read by the same program.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe: str):  # noqa: ANN202
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.1)
    raise SystemExit("LibreOffice did not start")


def _lines(doc) -> list[str]:  # noqa: ANN001
    """Each body paragraph a line, after its style's name ("Isi|…"); a table, each cell's text a
    line, row by row."""
    out: list[str] = []
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        element = enum.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            out += [element.getCellByName(name).getString() for name in element.getCellNames()]
        else:
            out.append(f"{element.getPropertyValue('ParaStyleName')}|{element.getString()}")
    return out


def _revisions(doc) -> list[dict[str, str]]:  # noqa: ANN001
    found = []
    enum = doc.getRedlines().createEnumeration()
    while enum.hasMoreElements():
        r = enum.nextElement()
        when = r.getPropertyValue("RedlineDateTime")
        found.append({"type": r.getPropertyValue("RedlineType"), "author": r.getPropertyValue("RedlineAuthor"),
                      "date": f"{when.Year:04d}-{when.Month:02d}-{when.Day:02d}"})
    return found


def main(paths: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="lo-revisions-") as tmp:
        pipe = f"lo_revisions_{os.getpid()}"
        office = subprocess.Popen(
            ["soffice", f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless", "--invisible",
             "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            ctx = _connect(pipe)
            smgr = ctx.ServiceManager
            desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)

            def load(path: str):  # noqa: ANN202
                # a copy in the private folder: LibreOffice's lock file is never left beside the input
                copy = Path(tmp, "doc" + Path(path).suffix)
                copy.write_bytes(Path(path).read_bytes())
                doc = desktop.loadComponentFromURL(copy.as_uri(), "_blank", 0, (_prop("Hidden", True),))
                if doc is None:
                    raise SystemExit(f"LibreOffice could not open {path}")
                return doc

            for path in paths:
                doc = load(path)
                result: dict[str, object] = {"path": path, "revisions": _revisions(doc), "text": _lines(doc)}
                for command, key in ((".uno:AcceptAllTrackedChanges", "accepted"),
                                     (".uno:RejectAllTrackedChanges", "rejected")):
                    if not result["revisions"]:  # nothing to accept or reject
                        result[key], result[f"{key}_left"] = result["text"], 0
                        continue
                    doc = doc or load(path)
                    dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
                    result[key] = _lines(doc)
                    result[f"{key}_left"] = len(_revisions(doc))
                    doc.close(True)
                    doc = None
                if doc is not None:
                    doc.close(True)
                print(json.dumps(result, ensure_ascii=False), flush=True)
        finally:
            office.terminate()
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                office.kill()


if __name__ == "__main__":
    main(sys.argv[1:])
