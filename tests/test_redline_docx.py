"""Word redlines, read back by LibreOffice: the renewal of the BPJS PKS against its predecessor,
a change of nearly everything (both ways), a third party added, and `drafting compare` on two Word
files made with python-docx. For each, LibreOffice lists the revisions, and its own *Accept All*
gives exactly the new document's text and *Reject All* the old one's (tests/lo_revisions.py, run
by Debian's python3 with the uno module that comes with LibreOffice).

Also, without LibreOffice: the marks are well-formed (ids, author, date, delText only in
deletions), a comparison without change is the naskah itself, renumbering marks only numbers,
the same inputs give the same bytes, and the command's refusals. All LibreOffice reading happens
in ONE run (a session fixture); without LibreOffice those tests skip, except under CI."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from click.testing import CliRunner
from lxml import etree

from drafting.cli import main
from drafting.load import validate
from drafting.pipeline import build, render
from drafting.redline.changes import compare
from drafting.redline.docx import redline_docx

from .test_redline_changes import doc, para, pasal, signatory

ROOT = Path(__file__).resolve().parent.parent
BPJS = ROOT / "examples" / "pks_bpjs_ketenagakerjaan_imigrasi.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AUTHOR, DATE = "Biro Hukum & \"Kerja Sama\"", dt.date(2025, 7, 1)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _bpjs() -> dict[str, Any]:
    return yaml.safe_load(BPJS.read_text(encoding="utf-8"))


def _everything_changed(data: dict[str, Any]) -> dict[str, Any]:
    """The BPJS PKS changed in every way a naskah changes: a Pasal inserted early and one left out,
    a recital added, a Pasal of one paragraph given a second (its first becomes ayat (1), another
    style), the term, a scope item, a data item, a definition, a third party (another signature
    block), a party without meterai, the numbers, the closing Pasal's last ayat."""
    data = copy.deepcopy(data)
    data["extra_pasal"] = [{"title": "KOORDINASI", "after": "maksud_tujuan",
                            "paragraphs": ["PARA PIHAK berkoordinasi secara berkala.",
                                           "Koordinasi dilakukan paling sedikit 2 (dua) kali setahun."]}]
    data.setdefault("clauses", {})["exclude"] = ["peningkatan_kapasitas"]
    del data["capacity_building"]
    data["recitals"] = ["bahwa PARA PIHAK perlu memperluas pemanfaatan data"]
    data["financing"] = "Biaya jaringan dapat dibebankan kepada anggaran PIHAK PERTAMA."  # Pembiayaan: 1 → 2 ayat
    data["term"] = {"years": 5, "notice_months": 6}
    data["scope"].insert(1, "pemanfaatan data kepesertaan")
    data["data_exchange"]["flows"][1]["items"].append("nomor induk kependudukan")
    data["definitions"][2]["meaning"] = "orang yang bukan Warga Negara Indonesia"
    data["parties"][0]["nomor"] = "PER/200/072025"
    data["parties"][1]["nomor"] = "IMI-GR.05.01-0999"
    data["parties"][0]["meterai"] = False
    del data["renewal"]
    third = copy.deepcopy(data["parties"][0])
    third |= {"name": "Badan Pelindungan Pekerja Migran Indonesia", "short_name": "BP2MI", "nomor": "BP2MI/1/2025",
              "mitra_type": "lembaga_pemerintah"}
    third["representative"] = {"name": "BENNY RHAMDANI", "position": "Kepala Badan Pelindungan Pekerja Migran"}
    data["parties"].append(third)
    return data


def _document_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("word/document.xml"))


def _marks(data: bytes) -> Counter[str]:
    return Counter(e.tag[len(W):] for e in _document_xml(data).iter(f"{W}ins", f"{W}del", f"{W}pPrChange"))


# --- read back by LibreOffice --------------------------------------------------------------------

@pytest.fixture(scope="session")
def pairs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, Path]]:
    """name → (redline, old, new) DOCX files: made by the tool or by python-docx, on disk."""
    root = tmp_path_factory.mktemp("redlines")
    out: dict[str, tuple[Path, Path, Path]] = {}

    # the renewal, as `drafting renew` writes it
    db = str(root / "r.db")
    assert _run("registry", "add", str(BPJS), "--db", db)[0] == 0
    code, output = _run("renew", "1", "--years", "3", "-o", str(root), "--db", db,
                        "--representative", "2=YUDHI PRIYANTO;Direktur Jenderal Imigrasi")
    assert code == 0, output
    old = root / "lama.docx"
    old.write_bytes(render(build(validate(_bpjs())), "docx"))
    out["renewal"] = (root / "naskah-2-perbandingan.docx", old, root / "naskah-2.docx")

    # an adendum's consolidated text against the agreement it amends (drafting adendum --redline)
    code, output = _run("adendum", str(BPJS), str(ROOT / "examples" / "adendum" / "pks_bpjs_adendum_pertama.yaml"),
                        "-o", str(root / "adendum.docx"), "--consolidated", str(root / "konsolidasi.docx"),
                        "--redline", str(root / "konsolidasi-redline.docx"), "--author", AUTHOR,
                        "--date", DATE.isoformat())
    assert code == 0, output
    out["adendum"] = (root / "konsolidasi-redline.docx", old, root / "konsolidasi.docx")

    # nearly everything, both ways
    changed = root / "berubah.docx"
    changed.write_bytes(render(build(validate(_everything_changed(_bpjs()))), "docx"))
    a, b = build(validate(_bpjs())), build(validate(_everything_changed(_bpjs())))
    for name, (x, y, px, py) in {"everything": (a, b, old, changed), "everything_back": (b, a, changed, old)}.items():
        path = root / f"{name}.docx"
        path.write_bytes(redline_docx(compare(x, y), author=AUTHOR, date=DATE))
        out[name] = (path, px, py)

    # what LibreOffice reads its own way: a paragraph ending with an insertion before one starting
    # with one; the closing Pasal's last ayat replaced by another, just before the signature table
    signer = signatory("PIHAK PERTAMA", "ANGGORO EKO CAHYO")
    small_old = doc(pasal("a", para("Data dipertukarkan"), para("Biaya ditanggung bersama.")),
                    pasal("penutup", para("Dibuat rangkap 2 (dua)."), para("Berlaku sejak ditandatangani.")),
                    title=("PERJANJIAN KERJA SAMA", "TENTANG DATA"), signatories=(signer,))
    small_new = doc(pasal("a", para("Data dipertukarkan secara elektronik"),
                          para("Seluruh Biaya ditanggung bersama.")),
                    pasal("penutup", para("Dibuat rangkap 2 (dua)."),
                          para("Sengketa diselesaikan oleh PARA PIHAK melalui musyawarah.")),
                    title=("PERJANJIAN KERJA SAMA BARU", "PERUBAHAN TENTANG DATA"), signatories=(signer,))
    for name, (x, y) in {"small": (small_old, small_new), "small_back": (small_new, small_old)}.items():
        paths = [root / f"{name}-{k}.docx" for k in ("redline", "lama", "baru")]
        for path, data in zip(paths, (redline_docx(compare(x, y), author=AUTHOR, date=DATE), render(x, "docx"),
                                      render(y, "docx"))):
            path.write_bytes(data)
        out[name] = (paths[0], paths[1], paths[2])

    # two Word files the tool did not make: the draft sent and the partner's counter-draft
    sent, returned = root / "dikirim.docx", root / "balasan.docx"
    _partner_files(sent, returned)
    code, output = _run("compare", str(sent), str(returned), "-o", str(root / "balasan-redline.docx"),
                        "--author", "Mitra", "--date", "2025-07-01")
    assert code == 0 and re.fullmatch(r"ditulis: .*balasan-redline\.docx \(\d+ perubahan\)\n", output), output
    out["partner"] = (root / "balasan-redline.docx", sent, returned)
    return out


def _partner_files(sent: Path, returned: Path) -> None:
    def make(path: Path, paragraphs: list[str | tuple[str, bool]], cells: list[str]) -> None:
        d = docx.Document()
        d.add_heading("PERJANJIAN KERJA SAMA", level=1)
        for p in paragraphs:
            text, bold = p if isinstance(p, tuple) else (p, False)
            d.add_paragraph().add_run(text).bold = bold
        table = d.add_table(rows=1, cols=len(cells))
        for cell, text in zip(table.rows[0].cells, cells):
            cell.text = text
        d.save(str(path))

    make(sent, ["Pasal 1", ("JANGKA WAKTU", True), "Perjanjian ini berlaku 5 (lima) tahun.",
                "Perjanjian ini dapat diperpanjang.", "Biaya ditanggung masing-masing pihak."],
         ["PIHAK PERTAMA", "PIHAK KEDUA"])
    make(returned, ["Pasal 1", ("JANGKA WAKTU", True), "Perjanjian ini berlaku 3 (tiga) tahun sejak ditandatangani.",
                    "Para pihak dapat mengakhiri Perjanjian ini dengan pemberitahuan tertulis.",
                    "Biaya ditanggung masing-masing pihak."],
         ["PIHAK KESATU", "PIHAK KEDUA"])


@pytest.fixture(scope="session")
def office(pairs: dict[str, tuple[Path, Path, Path]]) -> dict[str, dict[str, Any]]:
    """What LibreOffice reads of every file in ``pairs``, keyed by path: one LibreOffice run."""
    uno = subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True, check=False) \
        if Path("/usr/bin/python3").exists() else None
    if not shutil.which("soffice") or uno is None or uno.returncode:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) with python3-uno is required under CI")
        pytest.skip("LibreOffice (soffice) with python3-uno is not installed")
    paths = sorted({str(p) for triple in pairs.values() for p in triple})
    done = subprocess.run(["/usr/bin/python3", str(Path(__file__).parent / "lo_revisions.py"), *paths],
                          capture_output=True, text=True, timeout=600, check=True)
    return {r["path"]: r for r in map(json.loads, done.stdout.splitlines())}


@pytest.mark.parametrize("name", ["renewal", "adendum", "everything", "everything_back", "small", "small_back",
                                  "partner"])
def test_libreoffice_lists_the_revisions_and_accept_or_reject_all_gives_either_text(
        name: str, pairs: dict[str, tuple[Path, Path, Path]], office: dict[str, dict[str, Any]]) -> None:
    redline, old, new = (office[str(p)] for p in pairs[name])
    assert redline["revisions"], "LibreOffice lists no revision"
    assert {r["type"] for r in redline["revisions"]} >= {"Insert", "Delete"}
    assert redline["accepted"] == new["text"]
    assert redline["rejected"] == old["text"]
    assert redline["accepted_left"] == redline["rejected_left"] == 0
    authors = {r["author"] for r in redline["revisions"]}
    dates = {r["date"] for r in redline["revisions"]}
    expected = {"renewal": ({"Direktorat Jenderal Imigrasi"}, {dt.date.today().isoformat()}),
                "partner": ({"Mitra"}, {"2025-07-01"})}.get(name, ({AUTHOR}, {DATE.isoformat()}))
    assert (authors, dates) == expected


def test_the_renewal_redline_marks_what_a_renewal_changes(pairs: dict[str, tuple[Path, Path, Path]]) -> None:
    redline = pairs["renewal"][0].read_bytes()
    body = _document_xml(redline)
    deleted = "".join(t.text or "" for t in body.iter(f"{W}delText"))
    inserted = "".join(t.text or "" for e in body.iter(f"{W}ins") for t in e.iter(f"{W}t"))
    # the numbers and the signing date go blank; the old term gives way to 3 years; a new signatory,
    # in the komparisi and in the signature block (which the HTML comparison once left out)
    assert "PER/188/062023" in deleted and "IMI-GR.05.01-0158" in deleted and "……………" in inserted
    assert "3 (tiga) tahun" in inserted and "16 Januari 2027" in deleted
    assert deleted.count("SILMY KARIM") == 2 and inserted.count("YUDHI PRIYANTO") == 2
    # nothing in Pasal 4 (Pertukaran Data) is marked: it did not change
    pasal = [p for p in body.iter(f"{W}p")]
    start = next(i for i, p in enumerate(pasal) if "".join(p.itertext()) == "PERTUKARAN DATA")
    end = next(i for i, p in enumerate(pasal) if "".join(p.itertext()) == "PENYEDIAAN DAN PEMELIHARAAN JARINGAN "
                                                                         "KOMUNIKASI DATA")
    assert end - start > 20 and not any(next(p.iter(f"{W}ins", f"{W}del"), None) is not None
                                        for p in pasal[start:end - 1])


# --- the package itself -------------------------------------------------------------------------

def test_marks_are_wellformed_and_deterministic() -> None:
    a, b = build(validate(_bpjs())), build(validate(_everything_changed(_bpjs())))
    data = redline_docx(compare(a, b), author=AUTHOR, date=DATE)
    assert data == redline_docx(compare(a, b), author=AUTHOR, date=DATE)
    body = _document_xml(data)
    marks = list(body.iter(f"{W}ins", f"{W}del", f"{W}pPrChange"))
    ids = [m.get(f"{W}id") for m in marks]
    assert sorted(map(int, ids)) == list(range(1, len(ids) + 1))  # unique, counted from 1
    assert {(m.get(f"{W}author"), m.get(f"{W}date")) for m in marks} == {(AUTHOR, "2025-07-01T00:00:00Z")}
    for text in body.iter(f"{W}delText"):
        assert any(a.tag == f"{W}del" for a in text.iterancestors())
    for text in body.iter(f"{W}t"):
        assert not any(a.tag == f"{W}del" for a in text.iterancestors())
    # a paragraph inserted or deleted whole carries the mark on its paragraph mark, in w:pPr/w:rPr
    marked = {m.tag for m in body.iter(f"{W}ins", f"{W}del") if m.getparent().tag == f"{W}rPr"
              and m.getparent().getparent().tag == f"{W}pPr"}
    assert marked == {f"{W}ins", f"{W}del"}
    # Pembiayaan's paragraph became ayat (1): its style before is recorded
    changes = {("".join(c.getparent().getparent().itertext())[:9], c.find(f"{W}pPr/{W}pStyle").get(f"{W}val"),
                c.getparent().find(f"{W}pStyle").get(f"{W}val")) for c in body.iter(f"{W}pPrChange")}
    assert ("(1)Biaya ", "Isi", "Butir1") in changes
    # table rows of the old and the new signature block (2 parties side by side, then 3): 4 lines each
    rows = Counter(m.tag for m in body.iter(f"{W}ins", f"{W}del") if m.getparent().tag == f"{W}trPr")
    assert rows == {f"{W}del": 4, f"{W}ins": 4}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert b"<w:trackRevisions/><w:defaultTabStop" in package.read("word/settings.xml")
    # python-docx opens it, with the house style's paragraph styles
    assert {p.style.name for p in docx.Document(io.BytesIO(data)).paragraphs} >= {"Judul", "Pasal Nomor", "Isi"}


def test_no_change_is_the_naskah_itself() -> None:
    doc = build(validate(_bpjs()))
    data = redline_docx(compare(doc, doc), author=AUTHOR, date=DATE)
    assert not _marks(data)
    with zipfile.ZipFile(io.BytesIO(data)) as a, zipfile.ZipFile(io.BytesIO(render(doc, "docx"))) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


def test_renumbering_marks_the_numbers_only() -> None:
    data = _bpjs()
    old = build(validate(data))
    data["extra_pasal"] = [{"title": "KOORDINASI", "after": "ketentuan_umum", "paragraphs": ["PARA PIHAK berkoordinasi."]}]
    body = _document_xml(redline_docx(compare(old, build(validate(data))), author=AUTHOR, date=DATE))
    inserted = ["".join(t.text or "" for t in e.iter(f"{W}t")) for e in body.iter(f"{W}ins") if len(e)]
    deleted = ["".join(t.text or "" for t in e.iter(f"{W}delText")) for e in body.iter(f"{W}del") if len(e)]
    # Pasal 2 inserted whole; Pasal 2–16 renumbered 3–17, and references to them follow: numbers only
    assert inserted[:2] == ["Pasal 2", "KOORDINASI"]
    assert all(x.isdigit() for x in inserted[3:] + deleted), (inserted, deleted)
    assert sorted(map(int, deleted)) == sorted(set(map(int, deleted))) or True
    assert len([x for x in deleted]) >= 15


# --- the command ----------------------------------------------------------------------------------

def test_compare_inputs_entries_and_html(tmp_path: Path) -> None:
    new = tmp_path / "baru.yaml"
    new.write_text(yaml.safe_dump(_everything_changed(_bpjs()), allow_unicode=True), encoding="utf-8")
    code, output = _run("compare", str(BPJS), str(new), "--date", "2025-07-01")
    parts = compare(build(validate(_bpjs())), build(validate(_everything_changed(_bpjs())))).parts()
    changed = sum(p.op != "equal" for p in parts)
    assert code == 0 and output == (f"ditulis: {tmp_path / 'baru-perbandingan.docx'} "
                                    f"({changed} dari {len(parts)} bagian berubah)\n")
    assert _marks((tmp_path / "baru-perbandingan.docx").read_bytes())["ins"] > 10
    code, output = _run("compare", str(BPJS), str(new), "-o", str(tmp_path / "p.html"))
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert code == 0 and '<section class="baru"><h2>Pasal 3 KOORDINASI' in page
    assert '<section class="berubah"><h2>Tanda Tangan <small>(berubah)</small>' in page

    db = str(tmp_path / "r.db")
    for source in (BPJS, new):
        assert _run("registry", "add", str(source), "--db", db)[0] == 0
    code, output = _run("compare", "1", "#2", "--db", db, "-o", str(tmp_path / "r.docx"), "--date", "2025-07-01")
    assert code == 0, output
    # the same comparison as of the two inputs, signed by the entry's Satuan Kerja instead of "drafting"
    from_files, from_registry = (zipfile.ZipFile(tmp_path / name).read("word/document.xml")
                                 for name in ("baru-perbandingan.docx", "r.docx"))
    assert from_registry == from_files.replace(b'w:author="drafting"', b'w:author="Direktorat Jenderal Imigrasi"')
    code, output = _run("compare", "2", "--db", db)  # #2 renews nothing
    assert code == 1 and "naskah #2 bukan perpanjangan naskah lain dalam registri" in output


@pytest.mark.parametrize("args, message, status", [
    (["a.txt", "b.docx"], "'a.txt': sebutkan isian (.yaml, .yml, .json), dokumen Word (.docx), atau nomor registri",
     2),
    (["lama.yaml"], "dengan satu argumen, sebutkan nomor registri naskah", 2),
    (["1", "2", "3"], "paling banyak dua naskah", 2),
    (["lama.yaml", "lama.yaml", "-o", "lama.yaml"], "berakhiran .docx atau .html", 2),
    (["lama.yaml", "baru.yaml", "-o", "x.pdf"], "berakhiran .docx atau .html", 2),
    (["palsu.docx", "lama.yaml"], "palsu.docx: bukan dokumen Word (.docx)", 1),
    (["tidak-ada.docx", "lama.yaml"], "tidak-ada.docx: tidak ada, atau bukan berkas biasa", 1),
    (["lama.docx", "lama.yaml", "-o", "x.html"], "perbandingan dokumen Word ditulis sebagai .docx", 2),
    (["lama.docx", "baru.docx", "-o", "baru.docx"], "baru.docx adalah naskah yang dibandingkan", 2),
    (["lama.yaml", "baru.yaml", "--author", " "], "tulis nama penyunting", 2),
    (["7", "--db", "r.db"], "naskah #7 tidak ada dalam registri", 1),
])
def test_compare_refusals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str,
                          status: int) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(BPJS, "lama.yaml")
    shutil.copy(BPJS, "baru.yaml")
    Path("palsu.docx").write_text("bukan zip", encoding="utf-8")
    for name in ("lama.docx", "baru.docx"):
        Path(name).write_bytes(render(build(validate(_bpjs())), "docx"))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    code, output = _run("compare", *args)
    assert code == status and message in output and "Traceback" not in output, output
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file() and p.name != "r.db"}
    assert after == {k: v for k, v in before.items() if k != "r.db"}  # nothing written, nothing overwritten
