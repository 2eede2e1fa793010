"""A catalogue of bad inputs (issue 13): each one given to ``drafting render`` as a drafter would,
and each must end the same way: exit status 2, a message in Indonesian naming the file and the
field (or the part of the file) that is wrong, no traceback, no file written (not even a
temporary one), the input file unchanged, and quickly: well under a second of CPU time, however
the input was built to make the tool hang or grow."""

from __future__ import annotations

import copy
import io
import json
import os
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from drafting import cli

from .conftest import BPJS

TEXT = BPJS.read_text(encoding="utf-8")
DATA = yaml.safe_load(TEXT)


def dump(data: Any) -> bytes:
    return yaml.safe_dump(json.loads(json.dumps(data, default=str)), allow_unicode=True, sort_keys=False).encode()


def edited(change: Callable[[dict[str, Any]], Any]) -> bytes:
    """The BPJS example as YAML, after ``change`` (which edits the data in place)."""
    data = copy.deepcopy(DATA)
    change(data)
    return dump(data)


def as_json(change: Callable[[dict[str, Any]], Any] = lambda d: None) -> bytes:
    data = copy.deepcopy(DATA)
    change(data)
    return json.dumps(data, default=str, ensure_ascii=False, indent=1).encode()


def L(needle: str) -> int:  # noqa: N802 - reads as the "baris" it stands for
    """The line of the example on which ``needle`` first appears."""
    return TEXT[:TEXT.index(needle)].count("\n") + 1


END, ORIGINALS, SHORT = "  end: 2027-01-16", "originals: 2", "    short_name: BPJS Ketenagakerjaan"


def replaced(old: str, new: str) -> bytes:
    assert old in TEXT, old
    return TEXT.replace(old, new, 1).encode()


def put(*path: Any, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value
    return change


def term(**values: Any) -> Callable[[dict[str, Any]], None]:
    return put("term", value=values)


BOMB = "".join(f"    {chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(9))


@dataclass
class Bad:
    name: str
    content: bytes | None  # the input file (in.yaml, or the suffix below); None: made by `prepare`
    field: str  # the field path (or part) the message must name
    words: str  # words the message must contain
    suffix: str = ".yaml"
    args: list[str] = field(default_factory=lambda: ["-o", "out.docx"])
    prepare: Callable[[Path], Path] | None = None  # makes the input itself; returns its path


CASES = [
    # --- YAML that is not YAML, or not the tool's YAML --------------------------------------------
    Bad("yaml-colon", replaced("tentang: Pemanfaatan Data", "tentang: Pemanfaatan: Data"), f"(dokumen) (baris {L('tentang: Pemanfaatan')})",
        "tanda ':' tidak diharapkan"),
    Bad("yaml-tab", replaced("  place: Jakarta", "\tplace: Jakarta"), f"(dokumen) (baris {L('  place: Jakarta')})", "tab"),
    Bad("yaml-unclosed-quote", replaced("  place: Jakarta", '  place: "Jakarta'), "(dokumen) (baris", "YAML tidak sah"),
    Bad("yaml-unclosed-list", replaced("numbers: [PER/164/082018, IMI-UM.01.01-3139]", "numbers: [PER/164/082018"),
        "(dokumen) (baris", "YAML tidak sah"),
    Bad("yaml-python-tag", replaced("kind: perjanjian_kerja_sama\ntentang", "kind: !!python/object/apply:os.system "
                                    "['touch pwned']\ntentang"), f"(dokumen) (baris {L('kind: ')})", "'!!python/object/apply"),
    Bad("yaml-timestamp-tag", replaced("  date: 2023-06-19", "  date: !!timestamp 2023-06-19"), f"(dokumen) (baris {L('  date: 2023-06-19')})",
        "tidak dikenal"),
    Bad("yaml-two-documents", TEXT.encode() + b"\n---\nkind: x\n", "(dokumen)", "lebih dari satu dokumen"),
    Bad("yaml-undefined-alias", replaced("  place: Jakarta", "  place: *kota"), f"(dokumen) (baris {L('  place: Jakarta')})", "alias"),
    Bad("yaml-control-character", replaced("  place: Jakarta", "  place: Jakar\x01ta"), f"(dokumen) (baris {L('  place: Jakarta')})",
        "karakter kendali"),
    Bad("latin-1", replaced("  place: Jakarta", "  place: J\xe4karta").decode().encode("latin-1", "replace"),
        f"(dokumen) (baris {L('  place: Jakarta')})", "bukan teks UTF-8"),
    Bad("utf-16", TEXT.encode("utf-16"), "(dokumen)", "UTF-16"),
    Bad("empty-file", b"", "(dokumen)", "kumpulan isian"),
    Bad("only-a-comment", b"# kosong\n", "(dokumen)", "kumpulan isian"),
    Bad("a-list-not-a-mapping", b"- kind: perjanjian_kerja_sama\n", "(dokumen)", "kumpulan isian"),
    Bad("a-bare-string", b"perjanjian kerja sama\n", "(dokumen)", "kumpulan isian"),
    # --- past a limit -----------------------------------------------------------------------------
    Bad("billion-laughs-in-scope", replaced("scope:\n", "zzz:\n    a: &a [x, x, x, x, x, x, x, x, x, x]\n" + BOMB
                                            + "scope:\n"), "zzz.", "terlalu banyak"),
    Bad("billion-laughs-as-scope", replaced("scope:\n", "bomb:\n    a: &a [x, x, x, x, x, x, x, x, x, x]\n" + BOMB
                                            + "scope2: [*j, *j]\nscope:\n"), "(baris", "alias YAML dihitung"),
    Bad("recursive-alias", replaced("scope:\n", "loop: &l [*l]\nscope:\n"), "loop[0]", "memuatnya sendiri"),
    Bad("deep-yaml-flow", replaced("scope:\n", "deep: " + "[" * 10_000 + "]" * 10_000 + "\nscope:\n"), "(dokumen)",
        "bersarang terlalu dalam"),
    Bad("deep-yaml-block", replaced("scope:\n", "deep:\n" + "".join("  " * i + "- \n" for i in range(1, 40))
                                    + "scope:\n"), "deep[0][0]", "bersarang terlalu dalam"),
    Bad("deep-json", as_json().replace(b'"scope": [', b'"deep": ' + b"[" * 10_000 + b"]" * 10_000 + b', "scope": ['),
        "(dokumen)", "bersarang terlalu dalam", suffix=".json"),
    Bad("deep-json-30", as_json().replace(b'"scope": [', b'"deep": ' + b"[" * 30 + b"]" * 30 + b', "scope": ['),
        "deep[0][0]", "bersarang terlalu dalam", suffix=".json"),
    Bad("100000-scope-items", edited(put("scope", value=["x"] * 100_000)), "scope", "terlalu banyak"),
    Bad("101-scope-items", edited(put("scope", value=[f"butir {i}" for i in range(101)])), "scope (baris",
        "paling banyak 100"),
    Bad("larger-than-512-kb", replaced("scope:\n", "# " + "x" * 600_000 + "\nscope:\n"), "(dokumen)",
        "terlalu besar"),
    Bad("tentang-501-characters", edited(put("tentang", value="Kerja Sama " * 46)), "tentang (baris",
        "paling banyak 500 karakter"),
    Bad("recital-5001-characters", edited(put("recitals", value=["x" * 5001])), "recitals[0] (baris",
        "paling banyak 5000 karakter"),
    Bad("items-four-levels-deep", edited(put("scope", value=[{"text": "a", "items": [{"text": "b", "items": [
        {"text": "c", "items": ["d"]}]}]}])), "scope[0] (baris", "butir bertingkat terlalu dalam"),
    Bad("eleven-parties", edited(lambda d: d["parties"].extend(copy.deepcopy(d["parties"][:1]) * 9)), "parties (baris",
        "paling banyak 10"),
    # --- numbers ------------------------------------------------------------------------------------
    Bad("years-10e30", edited(term(years=10**30)), "term.years (baris", "paling banyak 50"),
    Bad("years-zero", edited(term(years=0)), "term.years (baris", "paling sedikit 1"),
    Bad("years-fraction", replaced("  end: 2027-01-16", "  years: 3.5"), f"term.years (baris {L(END)})", "bilangan bulat"),
    Bad("years-nan", replaced("  end: 2027-01-16", "  years: .nan"), f"term.years (baris {L(END)})", "bilangan bulat"),
    Bad("years-words", replaced("  end: 2027-01-16", "  years: dua"), f"term.years (baris {L(END)})", "bilangan bulat"),
    Bad("notice-months-10e30", replaced("  notice_months: 3", "  notice_months: " + "9" * 31), "term.notice_months",
        "paling banyak 120"),
    Bad("originals-10e30", replaced("originals: 2", f"originals: {10**30}"), f"originals (baris {L(ORIGINALS)})",
        "paling banyak 20"),
    Bad("originals-5000-digits", replaced("originals: 2", "originals: " + "7" * 5000), f"originals (baris {L(ORIGINALS)})",
        "bilangan bulat"),
    Bad("originals-21", replaced("originals: 2", "originals: 21"), f"originals (baris {L(ORIGINALS)})", "paling banyak 20"),
    Bad("monitoring-times-10e30", edited(put("monitoring", "times", value=10**30)), "monitoring.times",
        "paling banyak 52"),
    Bad("report-months-10e30", edited(put("monitoring", "report_months", value=10**30)), "monitoring.report_months",
        "paling banyak 120"),
    Bad("party-ref-zero", edited(lambda d: d["data_exchange"]["flows"][0].update(receiver=0)),
        "data_exchange.flows[0].receiver", "paling sedikit 1"),
    Bad("party-ref-3", edited(lambda d: d["data_exchange"]["flows"][0].update(provider=3)),
        "data_exchange.flows[0].provider", "pihak nomor 3 tidak ada"),
    # --- dates --------------------------------------------------------------------------------------
    Bad("term-past-year-9999", replaced("  end: 2027-01-16", "  years: 8000\n  start: 9999-06-01"),
        f"term.start (baris {L(END) + 1})", "harus tanggal antara 1900-01-01 dan 2199-12-31"),
    Bad("end-year-10000", replaced("  end: 2027-01-16", "  end: 10000-01-01"), f"term.end (baris {L(END)})",
        "bukan tanggal yang sah"),
    Bad("end-9999-12-31", replaced("  end: 2027-01-16", "  end: 9999-12-31"), f"term.end (baris {L(END)})",
        "antara 1900-01-01"),
    Bad("impossible-date", replaced("  date: 2023-06-19", "  date: 2023-02-30"), f"signing.date (baris {L('  date: 2023-06-19')})",
        "bukan tanggal yang sah"),
    Bad("datetime", replaced("  end: 2027-01-16", "  end: 2027-01-16 10:30:00"), f"term.end (baris {L(END)})",
        "tanpa jam"),
    Bad("year-1800", replaced("  date: 2018-08-23", "  date: 1800-08-23"), f"renewal.date (baris {L('  date: 2018-08-23')})",
        "antara 1900-01-01"),
    Bad("end-before-start", edited(term(start="2025-01-01", end="2024-01-01")), "term.end", "tidak sesudah"),
    # --- keys ---------------------------------------------------------------------------------------
    Bad("duplicate-tentang", replaced("signing:\n", "tentang: Judul Kedua\nsigning:\n"), f"tentang (baris {L('signing:')})",
        f"ditulis dua kali (baris {L('tentang: ')} dan baris {L('signing:')})"),
    Bad("duplicate-key-in-a-party", replaced("    short_name: BPJS Ketenagakerjaan\n",
                                             "    short_name: BPJS Ketenagakerjaan\n    name: BPJS\n"),
        f"parties[0].name (baris {L(SHORT) + 1})", f"ditulis dua kali (baris {L(SHORT) - 1} dan baris {L(SHORT) + 1})"),
    Bad("duplicate-key-json", as_json().replace(b'"tentang": ', b'"tentang": "X",\n "tentang": ', 1),
        "tentang (baris 4)", "ditulis dua kali (baris 3 dan baris 4)", suffix=".json"),
    Bad("date-as-key", replaced("signing:\n", "2023-01-01: tanggal\nsigning:\n"), f"2023-01-01 (baris {L('signing:')})",
        "isian tidak dikenal"),
    Bad("list-as-key", replaced("signing:\n", "? [a, b]\n: x\nsigning:\n"), f"(dokumen) (baris {L('signing:')})",
        "nama isian harus berupa teks"),
    Bad("unknown-field", replaced("originals: 2", "originals: 2\nlampiran: 1"), f"lampiran (baris {L(ORIGINALS) + 1})",
        "isian tidak dikenal"),
    Bad("key-with-brackets", replaced("originals: 2", "originals: 2\n'pihak[1]': x"), f"pihak[1] (baris {L(ORIGINALS) + 1})",
        "isian tidak dikenal"),
    Bad("terminal-escape-in-a-key", replaced("originals: 2", 'originals: 2\n"\\e[2J\\e[31mmerah": x'),
        f"\\x1b[2J\\x1b[31mmerah (baris {L(ORIGINALS) + 1})", "isian tidak dikenal"),
    Bad("zero-width-space-in-kind", replaced("kind: perjanjian_kerja_sama\ntentang", 'kind: "perjanjian_kerja_sama\\u200b"\ntentang'),
        f"kind (baris {L('kind: ')})", "nilai 'perjanjian_kerja_sama\\u200b' tidak dikenal"),
    Bad("key-of-100000-characters", as_json(put("k" * 100_000, value="x")), f"{'k' * 80}…:", "isian tidak dikenal",
        suffix=".json"),
    Bad("english-item-of-a-wrong-shape", edited(put("english", value={"scope": [{"teks": "a"}, None]})),
        "english.scope[0].teks (baris", "isian tidak dikenal"),
    # --- text ---------------------------------------------------------------------------------------
    Bad("tentang-of-spaces", replaced("tentang: Pemanfaatan Data Keimigrasian dalam Program Jaminan Sosial "
                                      "Ketenagakerjaan\nsigning", 'tentang: "   "\nsigning'), f"tentang (baris {L('tentang: ')})",
        "wajib diisi"),
    Bad("representative-of-spaces", edited(put("parties", 0, "representative", "name", value=" \t ")),
        "parties[0].representative.name", "wajib diisi"),
    Bad("tentang-empty", replaced("tentang: Pemanfaatan Data Keimigrasian dalam Program Jaminan Sosial "
                                  "Ketenagakerjaan\nsigning", "tentang:\nsigning"), f"tentang (baris {L('tentang: ')})", "wajib diisi"),
    Bad("short-name-of-line-breaks", edited(put("parties", 1, "short_name", value="\n\n")), "parties[1].short_name",
        "wajib diisi"),
    Bad("tentang-of-control-characters", as_json(put("tentang", value="\u0001\u0002\u200b")), "tentang (baris",
        "wajib diisi", suffix=".json"),
    Bad("lone-surrogate-json", as_json().replace(b'"tentang": "', b'"tentang": "\\ud800', 1), "tentang (baris 3)",
        "surrogate", suffix=".json"),
    Bad("lone-surrogate-in-scope", as_json().replace(b'"scope": [\n  "', b'"scope": [\n  "\\udfff', 1),
        "scope[0]", "surrogate", suffix=".json"),
    Bad("pasal-title-without-letters", edited(put("extra_pasal", value=[{"title": "0", "paragraphs": ["Ayat."]}])),
        "extra_pasal[0].title (baris", "paling sedikit dua huruf"),
    Bad("pasal-title-of-one-letter", edited(put("clauses", "titles", "pembiayaan", value="A")),
        "clauses.titles.pembiayaan (baris", "paling sedikit dua huruf"),
    Bad("tentang-a-list", edited(put("tentang", value=["a", "b"])), "tentang (baris", "harus berupa teks"),
    Bad("parties-a-mapping", edited(put("parties", value={"name": "x"})), "parties (baris", "harus berupa daftar"),
    Bad("kind-unknown", replaced("kind: perjanjian_kerja_sama\ntentang", "kind: perjanjian\ntentang"),
        f"kind (baris {L('kind: ')})", "pilih salah satu"),
    Bad("json-nan", as_json(term(years=1)).replace(b'"years": 1', b'"years": NaN'), "term.years (baris",
        "bilangan bulat", suffix=".json"),
    Bad("json-infinity", as_json().replace(b'"originals": 2', b'"originals": Infinity'), "originals (baris",
        "bilangan bulat", suffix=".json"),
    Bad("json-trailing-comma", as_json().replace(b'"originals": 2', b'"originals": 2,'), "(dokumen) (baris",
        "JSON tidak sah", suffix=".json"),
    Bad("json-truncated", as_json()[:400], "(dokumen) (baris", "JSON tidak sah", suffix=".json"),
    Bad("unknown-clause", edited(put("clauses", value={"exclude": ["pasal_tidak_ada"]})), "clauses.exclude[0]",
        "pasal_tidak_ada"),
    # --- files and the command line -------------------------------------------------------------------
    Bad("fifo", None, "(dokumen)", "bukan berkas biasa", prepare=lambda tmp: _fifo(tmp / "in.yaml")),
    Bad("dev-zero", None, "(dokumen)", "bukan berkas biasa", prepare=lambda tmp: Path("/dev/zero")),
    Bad("proc-file", None, "Name (baris 1)", "isian tidak dikenal", prepare=lambda tmp: Path("/proc/self/status")),
    Bad("missing-file", None, "(dokumen)", "berkas tidak ditemukan", prepare=lambda tmp: tmp / "tidak_ada.yaml"),
    Bad("input-is-a-folder", None, "'INPUT...'", "adalah folder", prepare=lambda tmp: _folder(tmp / "folder.yaml")),
    Bad("output-is-the-input", TEXT.encode(), "in.yaml: tidak dapat ditulis", "isian tidak pernah ditimpa",
        args=["-o", "in.yaml", "--format", "docx"]),
    Bad("output-is-the-input-no-format", TEXT.encode(), "in.yaml: tidak dapat ditulis", "isian tidak pernah ditimpa",
        args=["-o", "in.yaml"]),
    Bad("docx-holding-yaml", TEXT.encode(), "in.docx: tidak dapat ditulis", "isian tidak pernah ditimpa",
        suffix=".docx", args=[]),
    Bad("output-a-hard-link-of-the-input", TEXT.encode(), "tidak dapat ditulis", "isian tidak pernah ditimpa",
        args=["-o", "link.docx"], prepare=lambda tmp: _linked(tmp)),
    Bad("format-and-suffix-disagree", TEXT.encode(), "out.docx: tidak dapat ditulis", "--format md",
        args=["--format", "md", "-o", "out.docx"]),
    Bad("stdout-without-format", TEXT.encode(), "-: tidak dapat ditulis", "memerlukan --format", args=["-o", "-"]),
    Bad("unknown-output-suffix", TEXT.encode(), "out.txt: tidak dapat ditulis", "bukan format keluaran",
        args=["-o", "out.txt"]),
    Bad("output-under-proc", TEXT.encode(), "/proc/drafting/out.docx: tidak dapat ditulis", "tidak ditemukan",
        args=["-o", "/proc/drafting/out.docx"]),
    Bad("output-in-a-read-only-folder", TEXT.encode(), "/sys/out.docx: tidak dapat ditulis", "izin ditolak",
        args=["-o", "/sys/out.docx"]),  # /sys refuses even root, who may write anywhere else
    Bad("output-under-a-file", TEXT.encode(), "in.yaml/out.docx: tidak dapat ditulis", "(in.yaml) adalah berkas",
        args=["-o", "in.yaml/out.docx"]),
    Bad("output-name-too-long", TEXT.encode(), "tidak dapat ditulis", "nama terlalu panjang",
        args=["-o", "n" * 300 + ".docx"]),
    Bad("output-is-a-folder", TEXT.encode(), "'-o'", "adalah folder", args=["-o", "."]),
    Bad("out-dir-is-a-file", TEXT.encode(), "'--out-dir'", "adalah berkas", args=["--out-dir", "in.yaml"]),
    Bad("unknown-format", TEXT.encode(), "'--format'", "bukan salah satu dari", args=["--format", "exe"]),
]


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def _linked(tmp: Path) -> Path:
    source = tmp / "in.yaml"
    source.write_text(TEXT, encoding="utf-8")
    os.link(source, tmp / "link.docx")
    return source


def test_the_catalogue_has_at_least_60_kinds_of_bad_input() -> None:
    assert len(CASES) >= 60
    assert len({c.name for c in CASES}) == len(CASES)


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file under ``folder`` with its bytes (None for what is not a regular file)."""
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() and not p.is_fifo() else None
            for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_refused_cleanly(case: Bad, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    if case.prepare is not None:
        source = case.prepare(tmp_path)
    else:
        source = tmp_path / f"in{case.suffix}"
        source.write_bytes(case.content or b"")
    before = snapshot(tmp_path)
    cpu = time.process_time()
    result = CliRunner().invoke(cli.main, ["render", str(source), *case.args])
    cpu = time.process_time() - cpu
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and "Error" not in result.output
    assert "\x1b" not in result.output and len(result.output) < 5000  # no terminal sequence, no key repeated in full
    message = result.stderr
    assert str(source) in message or case.field.split(":")[0] in message
    assert case.field in message, message
    assert case.words in message, message
    assert snapshot(tmp_path) == before  # nothing written, no temporary file left, the input as it was
    assert cpu < 1.0, f"{cpu:.2f} s of CPU"


# --- a naskah the tool did not make, given to `drafting check` ---------------------------------------

WORD = (Path(__file__).parent / "corpus" / "format_word_numbering" / "naskah.docx").read_bytes()
PDF = (Path(__file__).parent / "corpus" / "format_pdf_other_tool" / "naskah.pdf").read_bytes()
LOL = (b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' + b"".join(
    b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(9)) + b"]>")


def repacked(change: Callable[[str, bytes], bytes | None], zeros: int = 0) -> bytes:
    """The Word file of the corpus with each part as ``change`` makes it (None: left out), and
    a picture of ``zeros`` megabytes of zero bytes, which packs to next to nothing."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(WORD)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for name in source.namelist():
            if (data := change(name, source.read(name))) is not None:
                target.writestr(name, data)
        if zeros:
            with target.open("word/media/bom.bin", "w") as picture:
                for _ in range(zeros):
                    picture.write(bytes(2**20))
    return out.getvalue()


def docx(make: Callable[[], bytes]) -> Callable[[Path], Path]:
    """A ``prepare`` writing naskah.docx when the case runs: big ones are not built at collection."""
    def prepare(tmp: Path) -> Path:
        (tmp / "naskah.docx").write_bytes(make())
        return tmp / "naskah.docx"
    return prepare


def in_document(insert: bytes, prolog: bytes = b"") -> Callable[[str, bytes], bytes]:
    def change(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        head, body = data.split(b"?>", 1)
        return head + b"?>" + prolog + body.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>" + insert + b"</w:t></w:r></w:p>", 1)
    return change


CHECKED = [
    Bad("word-not-a-zip", b"PK bukan zip", "(dokumen)", "bukan dokumen Word", suffix=".docx", args=[]),
    Bad("word-truncated", WORD[:len(WORD) // 2], "(dokumen)", "bukan dokumen Word", suffix=".docx", args=[]),
    Bad("word-without-document-xml", repacked(lambda n, d: None if n == "word/document.xml" else d), "(dokumen)",
        "tidak ada word/document.xml", suffix=".docx", args=[]),
    Bad("word-zip-bomb", None, "(dokumen)", "lebih dari 200 MB setelah dibuka", args=[],
        prepare=docx(lambda: repacked(lambda n, d: d, zeros=201))),
    Bad("word-part-of-21-mb", None, "(dokumen)", "word/document.xml lebih dari 20 MB", args=[],
        prepare=docx(lambda: repacked(in_document(b"a" * (21 * 2**20))))),
    Bad("word-entity-bomb", repacked(in_document(b"&j;", LOL)), "(dokumen)", "DTD", suffix=".docx", args=[]),
    Bad("word-external-entity", repacked(in_document(b"&x;", b'<!DOCTYPE x [<!ENTITY x SYSTEM "file:///etc/passwd">]>')),
        "(dokumen)", "DTD", suffix=".docx", args=[]),
    Bad("word-damaged-xml", repacked(in_document(b"<w:t>")), "(dokumen)", "rusak", suffix=".docx", args=[]),
    Bad("word-fifo", None, "(dokumen)", "bukan berkas biasa", args=[], prepare=lambda tmp: _fifo(tmp / "naskah.docx")),
    Bad("pdf-truncated", PDF[:len(PDF) // 3], "(dokumen)", "PDF ini rusak", suffix=".pdf", args=[]),
    Bad("pdf-not-a-pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n", "(dokumen)", "PDF ini rusak", suffix=".pdf", args=[]),
    Bad("text-utf-16", "Pasal 1\n".encode("utf-16"), "(dokumen) (baris 1)", "UTF-16", suffix=".txt", args=[]),
    Bad("text-latin-1", "Pasal 1\nJ\xe4karta\n".encode("latin-1"), "(dokumen) (baris 2)", "bukan teks UTF-8",
        suffix=".md", args=[]),
    Bad("naskah-larger-than-50-mb", None, "(dokumen)", "terlalu besar", args=[],
        prepare=lambda tmp: _sparse(tmp / "naskah.pdf", 50 * 2**20 + 1)),
]


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as f:
        f.truncate(size)
    return path


def test_the_checked_catalogue_names_distinct_cases() -> None:
    assert len({c.name for c in CASES + CHECKED + IMPORTED}) == len(CASES) + len(CHECKED) + len(IMPORTED)


def refused_cleanly(case: Bad, tmp_path: Path, command: list[str], name: str) -> None:
    """``command`` on the case's file: exit 2, the file and the field or part named, no traceback,
    nothing written, well under a second of CPU."""
    if case.prepare is not None:
        source = case.prepare(tmp_path)
    else:
        source = tmp_path / f"{name}{case.suffix}"
        source.write_bytes(case.content or b"")
    before = snapshot(tmp_path)
    cpu = time.process_time()
    result = CliRunner().invoke(cli.main, [*command, str(source), *case.args])
    cpu = time.process_time() - cpu
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and "Error" not in result.output
    assert f"{source}: " in result.stderr
    assert case.field in result.stderr and case.words in result.stderr, result.stderr
    assert snapshot(tmp_path) == before
    assert cpu < 1.0, f"{cpu:.2f} s of CPU"


@pytest.mark.parametrize("case", CHECKED, ids=[c.name for c in CHECKED])
def test_a_bad_naskah_is_refused_cleanly_by_check(case: Bad, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    refused_cleanly(case, tmp_path, ["check"], "naskah")


# --- a register to import, given to `drafting registry import` ----------------------------------------

def workbook(change: Callable[[bytes], bytes], zeros: int = 0) -> bytes:
    """A workbook with a header row, its sheet as ``change`` makes it, and ``zeros`` MB of zeros."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Nomor", "Tentang", "Mitra", "Tanggal"])
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, change(data) if name == "xl/worksheets/sheet1.xml" else data)
        if zeros:
            with target.open("xl/media/bom.bin", "w") as picture:
                for _ in range(zeros):
                    picture.write(bytes(2**20))
    return out.getvalue()


def xlsx(make: Callable[[], bytes]) -> Callable[[Path], Path]:
    def prepare(tmp: Path) -> Path:
        (tmp / "rekap.xlsx").write_bytes(make())
        return tmp / "rekap.xlsx"
    return prepare


IMPORTED = [
    Bad("sheet-not-a-zip", b"PK bukan zip", "(dokumen)", "bukan buku kerja Excel", suffix=".xlsx"),
    Bad("sheet-zip-bomb", None, "(dokumen)", "lebih dari 200 MB setelah dibuka",
        prepare=xlsx(lambda: workbook(lambda d: d, zeros=201))),
    Bad("sheet-entity-bomb", None, "(dokumen)", "DTD", prepare=xlsx(lambda: workbook(lambda d: LOL + d.replace(
        b"</sheetData>", b'<row r="2"><c r="A2" t="inlineStr"><is><t>&j;</t></is></c></row></sheetData>')))),
    Bad("sheet-damaged-xml", None, "(dokumen)", "rusak", prepare=xlsx(lambda: workbook(lambda d: d[:len(d) // 2]))),
    Bad("sheet-fifo", None, "(dokumen)", "bukan berkas biasa", prepare=lambda tmp: _fifo(tmp / "rekap.csv")),
    Bad("sheet-larger-than-20-mb", None, "(dokumen)", "terlalu besar",
        prepare=lambda tmp: _sparse(tmp / "rekap.csv", 20 * 2**20 + 1)),
]


@pytest.mark.parametrize("case", IMPORTED, ids=[c.name for c in IMPORTED])
def test_a_bad_register_is_refused_cleanly_by_import(case: Bad, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "registri.db")
    assert CliRunner().invoke(cli.main, ["registry", "list", "--db", db]).exit_code == 0  # made before, not by it
    case.args = ["--db", db]
    refused_cleanly(case, tmp_path, ["registry", "import"], "rekap")


# --- what a command reads, it never writes over (output.py) ------------------------------------------

@pytest.mark.parametrize("args", [["registry", "export", "{db}"], ["registry", "export", "{link}"],
                                  ["registry", "lampiran", "perencanaan", "-o", "{db}"]],
                         ids=["export", "export-through-a-link", "lampiran"])
def test_no_command_writes_over_the_registry_it_opened(args: list[str], tmp_path: Path) -> None:
    """The registry's SQLite file, named .xlsx by mistake: before, ``registry export`` replaced
    the database with the sheet it made from it."""
    db = tmp_path / "registri.xlsx"
    assert CliRunner().invoke(cli.main, ["registry", "add", str(BPJS), "--db", str(db)]).exit_code == 0
    (tmp_path / "tautan.xlsx").symlink_to(db)
    before = snapshot(tmp_path)
    result = CliRunner().invoke(cli.main, [a.format(db=db, link=tmp_path / "tautan.xlsx") for a in args]
                                + ["--db", str(db)])
    assert result.exit_code == 2, result.output
    assert "tidak pernah ditimpa" in result.stderr and "Traceback" not in result.output
    assert snapshot(tmp_path) == before  # nor the inputs folder an export writes beside its sheet


@pytest.mark.parametrize("args, hint", [(["-o", "a.docx", "--redline", "a.docx"], "--redline"),
                                        (["-o", "a.docx", "--consolidated", "a.docx"], "--consolidated"),
                                        (["-o", "a.docx", "--consolidated", "lama.docx"], "--consolidated"),
                                        (["-o", "baru.yaml"], "-o")],
                         ids=["redline-onto-the-adendum", "consolidated-onto-the-adendum", "onto-the-signed-input",
                              "onto-the-changed-input"])
def test_adendum_refuses_every_target_before_writing_any(args: list[str], hint: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, ``-o a.docx --redline a.docx`` wrote the adendum and then the redline over it, and a
    refused --consolidated came after the adendum was written."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lama.docx").write_text(TEXT, encoding="utf-8")  # the signed input, whatever its name
    (tmp_path / "baru.yaml").write_text(TEXT.replace("originals: 2", "originals: 3\nadendum:\n  reason: bahwa perlu "
                                                     "menambah rangkap naskah"), encoding="utf-8")
    before = snapshot(tmp_path)
    result = CliRunner().invoke(cli.main, ["adendum", "lama.docx", "baru.yaml", *args])
    assert result.exit_code == 2, result.output
    assert f"'{hint}'" in result.output or f"untuk {hint}" in result.output, result.output
    assert snapshot(tmp_path) == before
