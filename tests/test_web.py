"""The web form's server (drafting/web) through FastAPI's TestClient: preview, problems beside
their fields, downloads identical to the CLI's, the registry (list, open, renew, save), and safety
(escaping, body cap, no paths, integer ids)."""

from __future__ import annotations

import copy
import io
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from click.testing import CliRunner
from docx.table import _Cell
from fastapi.testclient import TestClient
from sqlalchemy.orm import selectinload

from drafting import load
from drafting.cli import main
from drafting.errors import InputError
from drafting.registry.db import open_registry
from drafting.registry.models import Agreement, Kind, Status
from drafting.web.app import create_app
from drafting.web.body import MAX_BODY

ROOT = Path(__file__).parent.parent
BPJS = "pks_bpjs_ketenagakerjaan_imigrasi"
PAYLOAD = "<script>alert(1)</script> {{ 7*7 }}"
# Fields whose value is a choice or a date, not free text: the payload would only be refused.
NOT_TEXT = {"kind", "mitra_type", "date", "end_date", "start", "end", "style", "clauses"}


def local(app: Any) -> TestClient:
    """A client of the app as the form's page is: at the address the server listens on."""
    return TestClient(app, base_url="http://127.0.0.1:8000")


@pytest.fixture(scope="module")
def client() -> TestClient:
    return local(create_app())


@pytest.fixture
def bpjs(client: TestClient) -> dict[str, Any]:
    return client.get(f"/api/examples/{BPJS}").json()


class _Paragraphs(HTMLParser):
    """The text of each block of an HTML page (headings, paragraphs, table cells)."""

    BLOCKS = frozenset({"h1", "h2", "p", "td"})

    def __init__(self) -> None:
        super().__init__()
        self.out: list[str] = []
        self._cur: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.BLOCKS:
            self._cur = []

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS and self._cur is not None:
            if text := " ".join("".join(self._cur).split()):
                self.out.append(text)
            self._cur = None

    def handle_data(self, data: str) -> None:
        if self._cur is not None:
            self._cur.append(data)


def html_paragraphs(html: str) -> list[str]:
    parser = _Paragraphs()
    parser.feed(html)
    return parser.out


def docx_paragraphs(data: bytes) -> list[str]:
    d = docx.Document(io.BytesIO(data))
    # a merged cell is one <w:tc>, which python-docx's row.cells would repeat once per grid column
    cells = [_Cell(tc, t).text for t in d.tables for r in t.rows for tc in r._tr.tc_lst]
    return [" ".join(t.split()) for t in [p.text for p in d.paragraphs] + cells if t.strip()]


def with_payload(data: Any, key: str = "") -> Any:
    """Every free-text value of the input, with the payload appended."""
    if key in NOT_TEXT:
        return data
    if isinstance(data, dict):
        return {k: with_payload(v, k) for k, v in data.items()}
    if isinstance(data, list):
        return [with_payload(v, key) for v in data]
    return f"{data} {PAYLOAD}" if isinstance(data, str) else data


def test_page_is_served_with_a_strict_content_security_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and '<script src="/static/app.js"' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200


def test_meta_lists_examples_choices_and_clauses_in_template_order(client: TestClient) -> None:
    meta = client.get("/api/meta").json()
    assert meta["examples"] == ["msp_ditjen_imigrasi_isa_jepang", "nk_kementerian_pemprov", BPJS, "pks_kanim_pemkab",
                                "pks_kanim_universitas"]
    assert "lembaga_nonpemerintah" in meta["mitra_types"] and meta["formats"][0] == "docx"
    pks = [c["id"] for c in meta["clauses"]["perjanjian_kerja_sama"]]
    assert pks.index("pertukaran_data") < pks.index("pejabat_penghubung") < pks.index("ketentuan_penutup")
    assert meta["style"]["party_label"]["enum"] == ["pertama", "kesatu"]
    assert {"tentang", "parties[].representative.name", "data_exchange.flows[].items[].text"} <= set(meta["required"])
    assert "parties[].parent" not in meta["required"] and "signing.date" not in meta["required"]


@pytest.mark.parametrize("name", ["../pyproject", "..%2F..%2Fpyproject.toml", "pks_kanim_pemkab.yaml", "README"])
def test_examples_are_served_by_name_from_the_fixed_list_only(client: TestClient, name: str) -> None:
    assert client.get(f"/api/examples/{name}").status_code == 404


def test_example_is_json_data_with_iso_dates(bpjs: dict[str, Any]) -> None:
    assert bpjs["signing"] == {"date": "2023-06-19", "place": "Jakarta"}
    assert bpjs["parties"][1]["representative"]["name"] == "SILMY KARIM"


def test_preview_reads_word_for_word_like_the_docx(client: TestClient, bpjs: dict[str, Any]) -> None:
    html = client.post("/api/preview", json=bpjs).json()["html"]
    docx_bytes = client.post("/api/render/docx", json=bpjs).content
    assert html_paragraphs(html) == docx_paragraphs(docx_bytes)
    assert '<h2 class="PasalNomor" id="pejabat_penghubung"><strong>Pasal 7</strong></h2>' in html


def test_preview_renumbers_when_a_section_is_removed(client: TestClient, bpjs: dict[str, Any]) -> None:
    del bpjs["data_exchange"]
    paragraphs = html_paragraphs(client.post("/api/preview", json=bpjs).json()["html"])
    assert paragraphs[paragraphs.index("PEJABAT PENGHUBUNG") - 1] == "Pasal 5"


def test_problems_are_those_of_the_cli_with_their_field_paths(client: TestClient, bpjs: dict[str, Any]) -> None:
    bpjs["parties"][0]["representative"]["name"] = ""
    del bpjs["parties"][1]["short_name"]
    bpjs["term"]["end"] = "2020-01-01"
    response = client.post("/api/preview", json=bpjs)
    assert response.status_code == 422
    with pytest.raises(InputError) as cli:
        load.validate(bpjs)
    assert response.json()["problems"] == [{"path": p.path, "message": p.message, "line": None}
                                           for p in cli.value.problems]
    assert {"path": "parties[0].representative.name", "message": "wajib diisi", "line": None} \
        in response.json()["problems"]


def test_a_library_error_is_reported_as_a_problem_not_a_crash(client: TestClient, bpjs: dict[str, Any]) -> None:
    bpjs["clauses"] = {"variants": {"pembiayaan": "tidak_ada"}}
    response = client.post("/api/render/docx", json=bpjs)
    assert response.status_code == 422
    assert "tidak_ada" in response.json()["problems"][0]["message"]


def test_downloaded_docx_is_byte_identical_to_drafting_render_of_the_saved_yaml(
        client: TestClient, bpjs: dict[str, Any], tmp_path: Path) -> None:
    bpjs["parties"][0]["name"] = "Badan Penyelenggara Jaminan Sosial Ketenagakerjaan (Uji)"
    saved = client.post("/api/yaml", json=bpjs)
    assert saved.headers["content-disposition"] == 'attachment; filename="naskah.yaml"'
    (tmp_path / "naskah.yaml").write_bytes(saved.content)
    result = CliRunner().invoke(main, ["render", str(tmp_path / "naskah.yaml")])
    assert result.exit_code == 0, result.output
    downloaded = client.post("/api/render/docx", json=bpjs)
    assert downloaded.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert downloaded.content == (tmp_path / "naskah.docx").read_bytes()
    assert "BADAN PENYELENGGARA JAMINAN SOSIAL KETENAGAKERJAAN (UJI)" in docx_paragraphs(downloaded.content)


def test_saved_yaml_reopens_as_the_same_input(client: TestClient, bpjs: dict[str, Any]) -> None:
    saved = client.post("/api/yaml", json=bpjs).text
    assert client.post("/api/open", json={"text": saved, "filename": "naskah.yaml"}).json() == bpjs


def test_typed_markup_and_template_syntax_stay_literal_text(client: TestClient, bpjs: dict[str, Any]) -> None:
    baseline = client.post("/api/preview", json=bpjs).json()["html"]
    hostile = with_payload(bpjs)
    html = client.post("/api/preview", json=hostile).json()["html"]
    assert "<script" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}") >= 40
    assert html.count("49") == baseline.count("49")
    docx_text = "\n".join(docx_paragraphs(client.post("/api/render/docx", json=hostile).content))
    assert docx_text.count(PAYLOAD) >= 40 and docx_text.count("49") == "\n".join(
        docx_paragraphs(client.post("/api/render/docx", json=bpjs).content)).count("49")


def test_request_bodies_over_the_cap_are_refused(client: TestClient) -> None:
    big = b'{"tentang": "' + b"x" * MAX_BODY + b'"}'
    assert client.post("/api/preview", content=big, headers={"content-type": "application/json"}).status_code == 413

    def chunks():  # no Content-Length: the cap must hold while reading
        for _ in range(MAX_BODY // 1000 + 2):
            yield b" " * 1000

    assert client.post("/api/preview", content=chunks(), headers={"content-type": "application/json"}).status_code == 413


def test_body_that_is_not_json_is_a_400(client: TestClient) -> None:
    assert client.post("/api/preview", content=b"kind: x", headers={"content-type": "application/json"}).status_code == 400


def test_opened_yaml_is_parsed_as_data_only(client: TestClient) -> None:
    evil = "kind: !!python/object/apply:os.system ['echo owned']\n"
    response = client.post("/api/open", json={"text": evil, "filename": "x.yaml"})
    assert response.status_code == 422 and "YAML tidak sah" in response.json()["problems"][0]["message"]
    assert client.post("/api/open", json={"text": '{"kind": 1}', "filename": "x.json"}).json() == {"kind": 1}
    assert client.post("/api/open", json={"text": "- a\n- b\n", "filename": "x.yaml"}).status_code == 422


def test_unknown_format_is_a_404(client: TestClient, bpjs: dict[str, Any]) -> None:
    assert client.post("/api/render/exe", json=bpjs).status_code == 404


def test_serve_listens_on_localhost_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DRAFTING_DB", raising=False)
    calls: list[dict[str, Any]] = []
    apps: list[Any] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: (calls.append(kw), apps.append(app)))
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8000
    # no --db, no DRAFTING_DB: no registry, and no drafting.db made in the working folder
    assert list(tmp_path.iterdir()) == []
    assert local(apps[0]).get("/api/meta").json()["registry"] is False
    CliRunner().invoke(main, ["serve", "--port", "8123"])
    assert calls[1]["port"] == 8123


def test_serve_opens_the_registry_of_db_or_drafting_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    apps: list[Any] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: apps.append(app))
    assert CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "a.db")]).exit_code == 0
    monkeypatch.setenv("DRAFTING_DB", str(tmp_path / "b.db"))
    assert CliRunner().invoke(main, ["serve"]).exit_code == 0
    assert (tmp_path / "a.db").exists() and (tmp_path / "b.db").exists()
    assert all(local(app).get("/api/meta").json()["registry"] for app in apps)


def test_with_payload_reaches_the_parties_and_items() -> None:
    data = yaml.safe_load((ROOT / "examples" / f"{BPJS}.yaml").read_text(encoding="utf-8"))
    hostile = with_payload(copy.deepcopy(data))
    assert hostile["parties"][0]["representative"]["name"].endswith(PAYLOAD)
    assert hostile["data_exchange"]["flows"][0]["items"][0]["items"][0].endswith(PAYLOAD)
    assert hostile["kind"] == data["kind"]


def test_pdf_is_offered_and_made_where_libreoffice_is_installed(client: TestClient, bpjs: dict[str, Any]) -> None:
    if not shutil.which("soffice"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing")
        pytest.skip("LibreOffice (soffice) is not installed")
    assert client.get("/api/meta").json()["formats"] == ["docx", "pdf"]
    pdf = client.post("/api/render/pdf", json=bpjs)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert pdf.headers["content-disposition"] == 'attachment; filename="naskah.pdf"'


def test_pdf_is_not_offered_without_libreoffice(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda _name: None)
    assert client.get("/api/meta").json()["formats"] == ["docx"]


def test_preview_lists_the_check_findings_linked_to_pasal_or_field(client: TestClient, bpjs: dict[str, Any]) -> None:
    bpjs["scope"].append("pelaporan setiap 6 (tujuh) bulan")
    bpjs["renewal"]["end_date"] = "2023-01-01"  # ended before this renewal was signed
    findings = client.post("/api/preview", json=bpjs).json()["findings"]
    pasal = next(f for f in findings if f["place"].startswith("Pasal"))
    assert pasal["place"] == "Pasal 3" and pasal["anchor"] == "ruang_lingkup" and pasal["severity"] == "error"
    assert pasal["text"].startswith("[galat] Pasal 3: '6 (tujuh)': angka 6 dibaca 'enam'")
    field = next(f for f in findings if f["place"] == "renewal.end_date")
    assert field["anchor"] is None and field["severity"] == "warning"


# ---- a bilingual naskah (the Memorandum Saling Pengertian) ---------------------------------------

MSP = "msp_ditjen_imigrasi_isa_jepang"


def test_meta_names_the_bilingual_and_foreign_kinds_and_the_fields_that_have_an_english_text(client: TestClient) -> None:
    meta = client.get("/api/meta").json()
    assert meta["bilingual"] == ["memorandum_saling_pengertian"]
    assert {"tentang", "signing.place", "parties[].name", "parties[].parent", "parties[].representative.position",
            "parties[].pejabat_penghubung", "recitals[]", "purpose.maksud", "scope[]", "scope[].text",
            "extra_pasal[].paragraphs[]"} <= set(meta["english"])
    # names of persons, numbers and dates are not translated; a mapping is not a field of the form
    assert not {"parties[].representative.name", "parties[].nomor", "signing.date", "titles"} & set(meta["english"])
    assert meta["prevailing_texts"] == ["en", "id", "none"]
    assert meta["coordination_outcomes"] == ["naskah_kerja_sama", "perjanjian_internasional"]
    # Kerja Sama luar negeri, whose input (foreign) the form asks for, as drafting check tells it
    assert meta["foreign"] == {"kinds": ["memorandum_saling_pengertian"], "mitra_types": [
        "lembaga_pemerintah_asing", "organisasi_internasional", "organisasi_internasional_nonpemerintah",
        "subjek_hukum_internasional_lainnya"]}


def test_msp_example_previews_both_texts_without_problems(client: TestClient) -> None:
    msp = client.get(f"/api/examples/{MSP}").json()
    msp["english"]["scope"][2] = "exchange of information edited in the form"
    shown = client.post("/api/preview", json=msp)
    assert shown.status_code == 200
    rows = html_paragraphs(shown.json()["html"])
    assert any(text.startswith("c. pertukaran informasi mengenai modus") for text in rows)
    assert "(c) exchange of information edited in the form;" in rows


def test_english_lists_padded_by_the_form_are_reported_item_by_item(client: TestClient) -> None:
    """The form writes ``english.scope[3]`` into a list it pads with empty texts, and a party's
    English after parties padded with ``{}``: each gap is a problem at its own path, which the form
    shows beside that English input."""
    msp = client.get(f"/api/examples/{MSP}").json()
    msp["english"]["scope"] = ["", "", "", "development of immigration clearance systems"]
    msp["english"]["parties"][0] = {}
    problems = client.post("/api/preview", json=msp).json()["problems"]
    paths = {p["path"] for p in problems}
    assert {"english.scope[0]", "english.scope[2]", "english.scope[4]", "english.parties[0].name"} <= paths
    assert "english.scope[3]" not in paths
    assert all(p["message"].startswith("teks bahasa Inggris belum diisi, padahal dicetak di Pasal SCOPE")
               for p in problems if p["path"].startswith("english.scope"))


# ---- the registry from the form ------------------------------------------------------------------

KANIM = "pks_kanim_pemkab"
RENEWAL_RECITAL = "bahwa PARA PIHAK telah menandatangani Perjanjian Kerja Sama tentang Pemanfaatan Data Keimigrasian"


@pytest.fixture
def registry(tmp_path: Path) -> str:
    """#1 the BPJS example (signed: aktif), #2 the Kanim example (draft), #3 a row without input."""
    db = str(tmp_path / "r.db")
    for name in (BPJS, KANIM):
        result = CliRunner().invoke(main, ["registry", "add", str(ROOT / "examples" / f"{name}.yaml"), "--db", db])
        assert result.exit_code == 0, result.output
    with open_registry(db).begin() as s:
        s.add(Agreement(kind=Kind.mou, tentang="Impor tanpa isian", partners=["X"], unit="U", status=Status.aktif))
    return db


@pytest.fixture
def reg(registry: str) -> TestClient:
    return local(create_app(registry))


def stored(db: str, agreement_id: int) -> Agreement | None:
    with open_registry(db)() as s:  # the numbers loaded now: the record is read after the session closes
        return s.get(Agreement, agreement_id, options=[selectinload(Agreement.numbers)])


def test_registry_lists_the_entries_newest_first_saying_which_have_an_input(reg: TestClient) -> None:
    body = reg.get("/api/registry").json()
    assert [(e["id"], e["has_input"]) for e in body["entries"]] == [(3, False), (2, True), (1, True)]
    assert body["more"] is False
    assert body["entries"][2] == {
        "id": 1, "kind": "perjanjian_kerja_sama", "kind_label": "Perjanjian Kerja Sama",
        "numbers": ["PER/188/062023", "IMI-GR.05.01-0158"],
        "tentang": "Pemanfaatan Data Keimigrasian dalam Program Jaminan Sosial Ketenagakerjaan",
        "unit": "Direktorat Jenderal Imigrasi", "end_date": "2027-01-16", "status": "aktif", "has_input": True}


@pytest.mark.parametrize("q, ids", [("sumbawa", [2]), ("imi-gr.05", [1]), ("JAMINAN SOSIAL", [1]),
                                    ("Kantor Imigrasi", [2]), ("100%", []), ("tanpa isian", [3])])
def test_registry_list_filters_by_text(reg: TestClient, q: str, ids: list[int]) -> None:
    assert [e["id"] for e in reg.get("/api/registry", params={"q": q}).json()["entries"]] == ids


def test_an_opened_entry_is_its_stored_input_as_form_data(reg: TestClient, client: TestClient) -> None:
    body = reg.get("/api/registry/1").json()
    assert body["entry"]["status"] == "aktif"
    assert body["data"] == client.get(f"/api/examples/{BPJS}").json()
    assert reg.get("/api/registry/3").status_code == 422  # a row imported from a register has no input


def test_renewal_is_the_input_drafting_renew_writes_and_is_not_saved(reg: TestClient, registry: str,
                                                                     tmp_path: Path) -> None:
    body = reg.post("/api/registry/1/renew", json={"years": 3}).json()
    assert body["predecessor"]["id"] == 1
    data = body["data"]
    assert data["renewal"]["numbers"] == ["PER/188/062023", "IMI-GR.05.01-0158"] and data["term"]["years"] == 3
    assert stored(registry, 4) is None  # nothing saved yet
    html = reg.post("/api/preview", json=data).json()["html"]
    text = "\n".join(html_paragraphs(html))
    assert RENEWAL_RECITAL in text and "dinyatakan tidak berlaku" in text
    result = CliRunner().invoke(main, ["renew", "1", "--years", "3", "-o", str(tmp_path / "out"), "--db", registry])
    assert result.exit_code == 0, result.output
    assert data == yaml.safe_load((tmp_path / "out" / "naskah-4.yaml").read_text(encoding="utf-8"))
    until = reg.post("/api/registry/1/renew", json={"until": "2030-06-30"}).json()["data"]["term"]
    assert until == {"end": "2030-06-30", "notice_months": 3}


@pytest.mark.parametrize("agreement_id, body, path, message", [
    (2, {"years": 2}, "", "naskah #2 belum ditandatangani"),
    (1, {}, "years", "jangka waktu naskah lama tidak dalam tahun: isi lama perpanjangan (tahun)"),
    (1, {"years": "dua"}, "years", "harus berupa bilangan bulat"),
    (1, {"years": 0}, "years", "harus berupa bilangan bulat"),
    (1, {"until": "30-06-2030"}, "until", "bukan tanggal yang sah"),
    (1, {"years": 2, "until": "2030-06-30"}, "until", "pilih salah satu"),
    (1, {"until": "2026-01-01"}, "", "tanggal berakhir 2026-01-01 tidak sesudah tanggal berakhir naskah lama 2027-01-16"),
])
def test_renewal_refusals_are_problems(reg: TestClient, agreement_id: int, body: dict[str, Any], path: str,
                                       message: str) -> None:
    response = reg.post(f"/api/registry/{agreement_id}/renew", json=body)
    assert response.status_code == 422
    [problem] = response.json()["problems"]
    assert problem["path"] == path and problem["message"].startswith(message)


def test_the_form_is_saved_as_a_new_draft_then_updated(reg: TestClient, registry: str, bpjs: dict[str, Any]) -> None:
    taken = reg.post("/api/registry", json=bpjs)  # #1 has these numbers: a number names one agreement
    assert taken.status_code == 422
    assert taken.json()["problems"][0]["message"].startswith("nomor PER/188/062023 sudah terdaftar untuk naskah #1")
    for party in bpjs["parties"]:
        del party["nomor"]
    saved = reg.post("/api/registry", json=bpjs)  # signed input, but what the form saves is a draft
    assert saved.status_code == 201 and saved.json()["id"] == 4 and saved.json()["status"] == "draft"
    bpjs["tentang"] = "Uji Simpan Ulang"
    bpjs["parties"][0]["nomor"] = "PER/1/2030"
    assert reg.put("/api/registry/4", json=bpjs).json()["tentang"] == "Uji Simpan Ulang"
    record = stored(registry, 4)
    assert record.status is Status.draft and record.tentang == "Uji Simpan Ulang" and record.predecessor_id is None
    assert record.number_list == ["PER/1/2030"]
    assert reg.get("/api/registry/4").json()["data"] == bpjs


def test_a_renewal_started_from_an_entry_is_saved_with_its_predecessor(reg: TestClient, registry: str) -> None:
    data = reg.post("/api/registry/1/renew", json={"years": 3}).json()["data"]
    data["parties"][1]["representative"]["name"] = "NAMA BARU"
    saved = reg.post("/api/registry/1/renewal", json=data)
    assert saved.status_code == 201 and saved.json()["status"] == "draft"
    record = stored(registry, saved.json()["id"])
    assert record.predecessor_id == 1 and record.unit == "Direktorat Jenderal Imigrasi" and record.number_list == []
    assert stored(registry, 1).status is Status.aktif  # until the renewal is signed
    assert reg.get(f"/api/registry/{record.id}").json()["data"] == data
    assert reg.post("/api/registry/2/renewal", json=data).status_code == 422  # #2 is not signed


def test_an_aktif_agreement_is_never_overwritten(reg: TestClient, registry: str, bpjs: dict[str, Any]) -> None:
    before = stored(registry, 1).input_json
    bpjs["tentang"] = "Ditimpa"
    response = reg.put("/api/registry/1", json=bpjs)
    assert response.status_code == 409
    assert response.json()["problems"][0]["message"] == (
        "naskah #1 berstatus aktif dan tidak ditimpa: hanya naskah berstatus draft yang dapat diubah")
    assert stored(registry, 1).input_json == before and stored(registry, 1).tentang != "Ditimpa"


@pytest.mark.parametrize("method, url", [("POST", "/api/registry"), ("PUT", "/api/registry/2"),
                                         ("POST", "/api/registry/1/renewal")])
def test_save_refusals_are_the_previews_problems(reg: TestClient, registry: str, bpjs: dict[str, Any],
                                                 method: str, url: str) -> None:
    bpjs["parties"][0]["representative"]["name"] = ""
    bpjs["term"]["end"] = "2020-01-01"
    response = reg.request(method, url, json=bpjs)
    assert response.status_code == 422
    assert response.json() == reg.post("/api/preview", json=bpjs).json()
    assert {"path": "parties[0].representative.name", "message": "wajib diisi", "line": None} \
        in response.json()["problems"]
    assert stored(registry, 4) is None and stored(registry, 2).tentang.startswith("Pelayanan Paspor")


@pytest.mark.parametrize("agreement_id", ["99", "abc", "-1", "1.5", "0x1", "１", "%2E%2E", "9" * 13, "1%20"])
@pytest.mark.parametrize("method, suffix", [("GET", ""), ("PUT", ""), ("POST", "/renew"), ("POST", "/renewal")])
def test_bad_ids_are_404_in_indonesian(reg: TestClient, bpjs: dict[str, Any], agreement_id: str, method: str,
                                       suffix: str) -> None:
    response = reg.request(method, f"/api/registry/{agreement_id}{suffix}", json=bpjs)
    assert response.status_code == 404
    assert "tidak ada dalam registri" in response.json()["detail"]


def test_without_a_registry_the_form_has_none(client: TestClient) -> None:
    assert client.get("/api/meta").json()["registry"] is False
    response = client.get("/api/registry")
    assert response.status_code == 404 and "registri tidak dipakai" in response.json()["detail"]


def test_markup_and_template_syntax_in_a_saved_field_come_back_as_data(reg: TestClient,
                                                                       bpjs: dict[str, Any]) -> None:
    hostile = with_payload(bpjs)
    saved = reg.post("/api/registry", json=hostile).json()
    assert saved["tentang"] == f"{bpjs['tentang']} {PAYLOAD}"
    opened = reg.get(f"/api/registry/{saved['id']}")
    assert opened.headers["content-type"] == "application/json"
    assert opened.json()["data"] == hostile
    listed = reg.get("/api/registry", params={"q": "<script>"}).json()["entries"]
    assert [e["tentang"] for e in listed] == [saved["tentang"]]


def test_buat_adendum_records_the_changed_entry_as_its_next_adendum(reg: TestClient, registry: str) -> None:
    data = reg.get("/api/registry/1").json()["data"]
    data["term"]["end"] = "2029-01-16"
    refused = reg.post("/api/registry/1/adendum", json=data)  # no reason given
    assert refused.status_code == 422 and refused.json()["problems"][0]["path"] == "adendum"
    data["adendum"] = {"reason": "bahwa jangka waktu perlu diperpanjang", "numbers": ["A/1", "B/1"]}
    response = reg.post("/api/registry/1/adendum", json=data)
    assert response.status_code == 200, response.text
    assert response.headers["X-Adendum"] == "1" and response.content[:2] == b"PK"
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "ADENDUM PERTAMA" in text and "Ketentuan Pasal 11 ayat (1) diubah sehingga Pasal 11 berbunyi" in text
    data["term"]["end"] = "2030-01-16"
    data["adendum"]["numbers"] = ["A/2", "B/2"]
    second = reg.post("/api/registry/1/adendum", json=data)
    assert second.headers["X-Adendum"] == "2"
    assert "ADENDUM KEDUA" in "\n".join(p.text for p in docx.Document(io.BytesIO(second.content)).paragraphs)
    with open_registry(registry)() as s:
        assert [a.position for a in s.get(Agreement, 1).adenda] == [1, 2]
    assert reg.post("/api/registry/99/adendum", json=data).status_code == 404
    draft = reg.post("/api/registry/2/adendum", json=data)
    assert draft.status_code == 422 and "naskah #2 belum ditandatangani" in draft.json()["problems"][0]["message"]
