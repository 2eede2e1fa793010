"""Property-based tests (hypothesis) over every text field of the input: whatever text a drafter
puts into one, ``drafting render`` either writes the naskah, with that text in it exactly as the
normalisation says (normalise.py), or refuses with exit status 2 and a message naming the field
(or, for a text whose punctuation as typed is wrong, the check that says so); never a traceback,
never any other check error that the text caused, never a file that LibreOffice cannot open.

"Every text field" is the schema's: two inputs, a PKS and a bilingual Memorandum Saling
Pengertian (the examples, with every optional text the model has filled in), hold each of them,
which a test below keeps true when the model grows a field.

A fixed number of examples and a derandomised search keep the run short and the same on every
CI run; ``HYPOTHESIS_PROFILE=deep`` runs many more."""

from __future__ import annotations

import copy
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from click.testing import CliRunner
from docx.table import _Cell
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting import cli, pipeline
from drafting.checks.analysis import draft_paragraphs
from drafting.load import validate
from drafting.model import Agreement
from drafting.normalise import normalise

from .conftest import BPJS, MSP

settings.register_profile("ci", max_examples=60, derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("deep", max_examples=2000, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")

Path_ = tuple[Any, ...]


# --- the text fields of the schema -------------------------------------------------------------

# Strings of the schema that are not a drafter's text: folders, and the ids of clauses.
NOT_TEXT = {("library", "[]"), ("extra_pasal", "[]", "after"), ("extra_pasal", "[]", "before"),
            ("extra_pasal", "[]", "replaces"), ("clauses", "exclude", "[]"), ("clauses", "variants", "*")}


def schema_text_fields() -> set[Path_]:
    """Every free-text field of the input model, as a path: '[]' for a list's items, '*' for a
    mapping's values (enums, dates, patterned ids and numbers are not free text)."""
    schema = Agreement.model_json_schema()
    found: set[Path_] = set()

    def walk(node: dict[str, Any], path: Path_, seen: frozenset[str]) -> None:
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name not in seen:
                walk(schema["$defs"][name], path, seen | {name})
        elif any(k in node for k in ("anyOf", "oneOf", "allOf")):
            for k in ("anyOf", "oneOf", "allOf"):
                for member in node.get(k, []):
                    walk(member, path, seen)
        elif node.get("type") == "object":
            for key, value in node.get("properties", {}).items():
                walk(value, path + (key,), seen)
            if isinstance(node.get("additionalProperties"), dict):
                walk(node["additionalProperties"], path + ("*",), seen)
        elif node.get("type") == "array":
            walk(node.get("items", {}), path + ("[]",), seen)
        elif node.get("type") == "string" and not {"enum", "const", "pattern", "format"} & set(node):
            found.add(path)

    walk(schema, (), frozenset())
    return found - NOT_TEXT


SCHEMA_TEXT = schema_text_fields()


def schema_path(path: Path_) -> Path_ | None:
    """The schema field a value of the data is, if it is a text field."""
    shape = tuple("[]" if isinstance(k, int) else k for k in path)
    return next((f for f in SCHEMA_TEXT if len(f) == len(shape) and all(a in (b, "*") for a, b in zip(f, shape))),
                None)


def text_fields(data: Any, path: Path_ = ()) -> list[Path_]:
    """The path of every free-text value of ``data``."""
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in text_fields(v, path + (k,))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in text_fields(v, path + (i,))]
    return [path] if isinstance(data, str) and schema_path(path) else []


# --- two inputs that hold every one of them -------------------------------------------------------

def example(path: Path) -> dict[str, Any]:
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def item(text: str, sub: str) -> dict[str, Any]:
    return {"text": text, "items": [sub]}


def items(plain: str, text: str, sub: str) -> list[Any]:
    """A list with both shapes of item: a text, and a text with its sub-items."""
    return [plain, item(text, sub)]


def pks() -> dict[str, Any]:
    """The BPJS example with every optional text a PKS prints."""
    d = example(BPJS)
    d["naskah"] = "Perjanjian Kerja Sama"
    d["scope"][0] = item(d["scope"][0], "termasuk pemutakhiran data secara berkala")
    d["forms"] = [item("pertukaran data", "melalui layanan web")]
    d["parties"][0] |= {"rights": items("mengakses data", "menerima data keimigrasian", "sesuai spesifikasi"),
                        "obligations": items("memberi data", "menjaga kerahasiaan data", "termasuk data pribadi")}
    d["parties"][1]["correspondence"] = {"addressee": "Direktur Sistem dan Teknologi Informasi Keimigrasian",
                                         "address": "Jalan H.R. Rasuna Said Kav. X-6 Nomor 8, Jakarta Selatan",
                                         "email": "kerjasama@imigrasi.go.id", "phone": "(021) 5225028"}
    d["renewal"]["biro_recommendation"] = "Surat Kepala Biro Hukum Nomor SEK.HH.01-123 tanggal 1 Juni 2023"
    d["parties"][1]["representative"]["nip"] = "196912311990031001"
    d["technical_basis"] = "kerja sama ini hanya mencakup substansi yang bersifat teknis"
    d["legal_basis"].append("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945")  # an item as text
    d["intellectual_property"] = {"results": items("basis data", "aplikasi pertukaran data", "kode sumbernya")}
    d["technical_team"] = {"tasks": items("melaporkan", "menyusun rencana kerja", "paling lambat tiga bulan")}
    d["third_parties"] = {"kinds": items("perguruan tinggi", "penyedia jaringan", "yang ditunjuk bersama")}
    d["domicile"] = {"court": "Pengadilan Negeri Jakarta Selatan", "arbitration_place": "Jakarta"}
    d["clauses"]["texts"] = {"pengantar": "Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat untuk membuat "
                                          "Perjanjian Kerja Sama dengan ketentuan sebagai berikut:"}
    d["annexes"] = [{"title": "Spesifikasi Data"}]
    d["adendum"] = {"reason": "bahwa untuk mendukung pelayanan perlu menambah data yang dipertukarkan",
                    "numbers": ["ADD/1/2024", "IMI-ADD-1"], "signing": {"date": "2024-02-01", "place": "Jakarta"},
                    "representatives": [{"name": "BUDI", "position": "Direktur Utama", "appointment": "Keppres 1/2024",
                                         "nip": "1970", "acting_for": "Badan", "acting_for_basis": "Surat Kuasa"}]}
    d["extra_pasal"] = [{"title": "Sosialisasi", "paragraphs": ["PARA PIHAK melakukan sosialisasi bersama."]},
                        {"title": "Evaluasi Sistem", "text": "PARA PIHAK mengevaluasi sistem secara berkala:\n"
                                                             "- keamanan\n- ketersediaan"}]
    return d


def msp() -> dict[str, Any]:
    """The Memorandum Saling Pengertian example with every optional text, in both languages."""
    d = example(MSP)
    e = d["english"]
    d["naskah"], e["naskah"] = "Memorandum Saling Pengertian", "Memorandum of Understanding"
    e["signing"] = {"place": "Jakarta"}
    d["renewal"] = {"kind": "memorandum_saling_pengertian", "numbers": ["IMI-1.UM.01-0001", "ISA-2021-01"],
                    "tentang": "Kerja Sama di Bidang Keimigrasian", "date": "2021-03-12"}
    e["renewal"] = {"tentang": "Cooperation in Immigration Matters"}
    (p0, p1), (ep0, ep1) = d["parties"], e["parties"]
    p0["duties"], ep0["duties"] = (items("menerima kunjungan", "menyediakan narasumber", "di bidang dokumen perjalanan"),
                                   items("receive visits", "provide resource persons", "on travel documents"))
    p0["representative"] |= {"acting_for": "Menteri Imigrasi dan Pemasyarakatan Republik Indonesia",
                             "acting_for_basis": "Surat Kuasa Menteri Nomor M.IP-1.HH.01 Tahun 2026"}
    ep0["representative"] |= {"acting_for": "Minister of Immigration and Corrections of the Republic of Indonesia",
                              "acting_for_basis": "Power of Attorney of the Minister No. M.IP-1.HH.01 of 2026"}
    p1 |= {"address": "Tokyo, Jepang", "legal_status": "badan pemerintah Jepang di bidang keimigrasian",
           "correspondence": {"addressee": "Direktur Divisi Urusan Internasional", "address": "Tokyo"}}
    ep1 |= {"address": "Tokyo, Japan", "legal_status": "a government agency of Japan for immigration",
            "correspondence": {"addressee": "Director of the International Affairs Division", "address": "Tokyo"}}
    d["definitions"] = [{"term": "Dokumen Perjalanan", "abbreviation": "DP",
                         "meaning": "dokumen resmi untuk melakukan perjalanan antarnegara"}]
    e["definitions"] = [{"term": "Travel Document", "abbreviation": "TD",
                         "meaning": "an official document for travel between countries"}]
    d["scope"][0], e["scope"][0] = (item(d["scope"][0], "termasuk fitur pengaman baru"),
                                    item(e["scope"][0], "including new security features"))
    d["forms"][0], e["forms"][0] = item(d["forms"][0], "paling sedikit sekali setahun"), item(e["forms"][0],
                                                                                             "at least once a year")
    d["capacity_building"], e["capacity_building"] = ["pelatihan pemeriksaan dokumen"], ["training in document "
                                                                                         "examination"]
    d["financing"], e["financing"] = "Biaya ditanggung masing-masing Pihak.", "Each Participant bears its own costs."
    d["intellectual_property"] = {"results": items("publikasi", "modul pelatihan", "beserta lampirannya")}
    e["intellectual_property"] = {"results": items("publications", "training modules", "with their annexes")}
    d["technical_team"] = {"tasks": items("melaporkan", "menyusun rencana kerja", "tahunan")}
    e["technical_team"] = {"tasks": items("report", "draw up a work plan", "annually")}
    d["third_parties"] = {"kinds": items("perguruan tinggi", "organisasi internasional", "di bidang migrasi")}
    e["third_parties"] = {"kinds": items("universities", "international organisations", "in the field of migration")}
    d["annexes"], e["annexes"] = [{"title": "Rencana Kerja"}], [{"title": "Work Plan"}]
    d["extra_pasal"] = [{"title": "Kerahasiaan", "after": "msp_pelaksanaan",
                         "paragraphs": ["Para Pihak menjaga kerahasiaan informasi."]},
                        {"title": "Evaluasi", "after": "msp_pelaksanaan",
                         "text": "Para Pihak mengevaluasi kerja sama ini:\n- setiap tahun"}]
    e["extra_pasal"] = [{"title": "Confidentiality", "paragraphs": ["The Participants keep information confidential."]},
                        {"title": "Evaluation", "text": "The Participants evaluate this cooperation:\n- every year"}]
    d["clauses"] = {"titles": {"msp_kerahasiaan": "Kerahasiaan Informasi"}}
    e["titles"] = {"msp_kerahasiaan": "Confidentiality of Information"}
    return d


BASES = {"pks": pks(), "msp": msp()}
FIELDS = [(base, path) for base, data in BASES.items() for path in text_fields(data)]


def with_text(data: dict[str, Any], path: Path_, text: str) -> dict[str, Any]:
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = text
    return data


def dotted(path: Path_) -> str:
    return "".join(f"[{k}]" if isinstance(k, int) else (f".{k}" if i else k) for i, k in enumerate(path))


def naskah_text(data: dict[str, Any]) -> str:
    """Every paragraph the naskah prints, the English text's too, with its signatures."""
    doc = pipeline.build(validate(data))
    return "\n".join(draft_paragraphs(doc) + (draft_paragraphs(doc.translation) if doc.translation else []))


def printed_fields(base: str) -> set[Path_]:
    """The fields whose text the naskah prints (some, like a Biro recommendation or a place of
    arbitration that the chosen variant leaves out, are only checked), found by marking each one."""
    data = BASES[base]
    paths = text_fields(data)
    for i, path in enumerate(paths):
        data = with_text(data, path, f"Qx{i}x")  # short names must differ, and differ they do
    text = naskah_text(data).casefold()
    return {path for i, path in enumerate(paths) if f"qx{i}x" in text}


# Text in the clause outline format (extra_pasal.text, clauses.texts) is read for its structure: its lines are
# ayat, '- ' starts an item, '[#…]' is an anchor. It is printed as the outline says, not as one
# normalised line (test_normalise, test_assemble); here it must render or be refused by name.
OUTLINE = {("extra_pasal", "[]", "text"), ("english", "extra_pasal", "[]", "text"), ("clauses", "texts", "*")}
PRINTED = {base: {p for p in printed_fields(base) if schema_path(p) not in OUTLINE} for base in BASES}


def docx_words(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    cells = [_Cell(tc, t).text for t in d.tables for r in t.rows for tc in r._tr.tc_lst]
    return " ".join(" ".join(t.split()) for t in [p.text for p in d.paragraphs] + cells)


def test_every_text_field_of_the_schema_is_in_one_of_the_inputs() -> None:
    """A text field added to the model without one of the inputs above holding it fails here."""
    held = {schema_path(path) for _, path in FIELDS}
    assert SCHEMA_TEXT - held == set()
    assert len(SCHEMA_TEXT) > 100 and len(FIELDS) > 200


def test_most_fields_are_printed() -> None:
    assert len(PRINTED["pks"]) > 60 and len(PRINTED["msp"]) > 60
    assert ("tentang",) in PRINTED["pks"] and ("parties", 1, "representative", "name") in PRINTED["pks"]
    assert ("english", "tentang") in PRINTED["msp"] and ("english", "scope", 0, "items", 0) in PRINTED["msp"]


def appears(text: str, words: str) -> bool:
    # A list item's own final ";:,." gives way to the list's punctuation (numbering._finish); a
    # title is in capitals; an MSP's recital begins with a capital letter, or its first word in capitals.
    expected = normalise(text).rstrip(";:,.").rstrip()
    first = next((i for i, c in enumerate(expected) if c.isalpha()), 0)  # its first letter, not "0" of "0a"
    capital = expected[:first] + expected[first:first + 1].upper() + expected[first + 1:]
    head, _, rest = expected.partition(" ")  # an MSP's recital opens with its first word in capitals
    return not expected or any(form in words for form in (expected, expected.upper(), capital,
                                                          f"{head.upper()} {rest}".rstrip()))


# The rules that read what the drafter typed as typed: ',' as a tentang prints "tentang ,, dengan",
# which the punctuation rule rightly refuses; "...." in a naskah that is no draft is a placeholder.
# Any other check error caused by a text (a title the checks read otherwise than the body, a
# name taken for a Pasal heading) is a defect.
TEXT_RULES = {"punctuation", "placeholders"}

# Any character but a lone surrogate (which no UTF-8 file can hold: test_catalogue refuses it in
# JSON), with the ones that have broken things before drawn more often.
TRICKY = "\x00\x01\x02\t\n\r \u00a0\u200b\u202e\ufeff\uffff*[]{}<>&\\#|-+_`~^'\"ıßǅ\u0301PASAL 1 "
TEXT = st.text(st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(TRICKY)), max_size=40)


@settings(settings.get_profile(PROFILE))
@given(field=st.sampled_from(FIELDS), text=TEXT)
def test_any_text_in_any_field_renders_or_is_refused_by_name(field: tuple[str, Path_], text: str,
                                                             tmp_path_factory: pytest.TempPathFactory) -> None:
    base, path = field
    folder = tmp_path_factory.mktemp("prop")
    source = folder / "isian.json"
    source.write_text(json.dumps(with_text(BASES[base], path, text), ensure_ascii=True), encoding="utf-8")
    out = folder / "naskah.docx"
    result = CliRunner().invoke(cli.main, ["render", str(source), "-o", str(out)])
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert dotted(path) in result.stderr, result.stderr
        assert not out.exists()
        return
    if result.exit_code == 1:  # not written: only a rule that judges the typed text as written may say so
        assert set(re.findall(r"\[galat\].*\[(\w+)\]$", result.stderr, re.MULTILINE)) <= TEXT_RULES, result.stderr
        assert not out.exists()
        return
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["isian.json", "naskah.docx"]
    if path in PRINTED[base]:
        assert appears(text, docx_words(out.read_bytes())), (normalise(text), path)


NASTY = "PT A & B <Tbk> {{ x }} *y* [#z] \\n Tahun\n2025 \x01\u202e ıß PASAL 1"


@pytest.mark.parametrize("base", BASES)
def test_every_text_field_hostile_at_once_prints_as_normalised_and_libreoffice_opens_it(base: str,
                                                                                      tmp_path: Path) -> None:
    """Every field of the input at once: each printed one in the DOCX as the normalisation says
    (the title, the body, the signatures, the English text), and LibreOffice opens the file."""
    if not shutil.which("soffice") and not shutil.which("libreoffice"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required under CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    data, texts = BASES[base], {}
    for i, path in enumerate(text_fields(data)):
        texts[path] = f"{NASTY} {i}"  # numbered: the short names must stay distinct
        data = with_text(data, path, texts[path])
    source = tmp_path / "isian.json"
    source.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["render", str(source), "-o", str(tmp_path / "naskah.docx"), "--force"])
    assert result.exit_code == 0, result.output
    words = docx_words((tmp_path / "naskah.docx").read_bytes())
    assert [dotted(p) for p in PRINTED[base] if not appears(texts[p], words)] == []
    subprocess.run([shutil.which("soffice") or "libreoffice", "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(tmp_path / "naskah.docx")], check=True, capture_output=True, timeout=180,
                   env={**os.environ, "HOME": str(tmp_path)})
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "naskah.pdf"), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    assert "PT A & B <Tbk> {{ x }} *y* [#z]" in " ".join(text.split())
    assert "Pasal 3" in text
