"""The web form's server (drafting/web) through FastAPI's TestClient: preview, problems beside
their fields, downloads identical to the CLI's, and safety (escaping, body cap, no paths)."""

from __future__ import annotations

import copy
import io
import os
import shutil
import statistics
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from click.testing import CliRunner
from docx.table import _Cell
from fastapi.testclient import TestClient

from drafting import load
from drafting.cli import main
from drafting.errors import InputError
from drafting.web.app import create_app
from drafting.web.body import MAX_BODY

ROOT = Path(__file__).parent.parent
BPJS = "pks_bpjs_ketenagakerjaan_imigrasi"
PAYLOAD = "<script>alert(1)</script> {{ 7*7 }}"
# Fields whose value is a choice or a date, not free text: the payload would only be refused.
NOT_TEXT = {"kind", "mitra_type", "date", "end_date", "start", "end", "style", "clauses"}


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


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
    assert meta["examples"] == ["nk_kementerian_pemprov", BPJS, "pks_kanim_pemkab"]
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


def test_preview_of_the_bpjs_example_takes_under_300_ms_on_the_server(client: TestClient,
                                                                      bpjs: dict[str, Any]) -> None:
    client.post("/api/preview", json=bpjs)  # the first pandoc run warms the disk cache
    times = [client.post("/api/preview", json=bpjs).json()["ms"] for _ in range(5)]
    assert statistics.median(times) < 300, times


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
    assert {"path": "parties[0].representative.name", "message": "tidak boleh kosong", "line": None} \
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

    assert client.post("/api/preview", content=chunks()).status_code == 413


def test_body_that_is_not_json_is_a_400(client: TestClient) -> None:
    assert client.post("/api/preview", content=b"kind: x").status_code == 400


def test_opened_yaml_is_parsed_as_data_only(client: TestClient) -> None:
    evil = "kind: !!python/object/apply:os.system ['echo owned']\n"
    response = client.post("/api/open", json={"text": evil, "filename": "x.yaml"})
    assert response.status_code == 422 and "YAML tidak sah" in response.json()["problems"][0]["message"]
    assert client.post("/api/open", json={"text": '{"kind": 1}', "filename": "x.json"}).json() == {"kind": 1}
    assert client.post("/api/open", json={"text": "- a\n- b\n", "filename": "x.yaml"}).status_code == 422


def test_unknown_format_is_a_404(client: TestClient, bpjs: dict[str, Any]) -> None:
    assert client.post("/api/render/exe", json=bpjs).status_code == 404


def test_serve_listens_on_localhost_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append(kw))
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8000
    CliRunner().invoke(main, ["serve", "--port", "8123"])
    assert calls[1]["port"] == 8123


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
    findings = client.post("/api/preview", json=bpjs).json()["findings"]
    pasal = next(f for f in findings if f["place"].startswith("Pasal"))
    assert pasal["place"] == "Pasal 3" and pasal["anchor"] == "ruang_lingkup" and pasal["severity"] == "error"
    assert pasal["text"].startswith("[galat] Pasal 3: '6 (tujuh)': angka 6 dibaca 'enam'")
    field = next(f for f in findings if f["place"] == "renewal.biro_recommendation")
    assert field["anchor"] is None and field["severity"] == "warning"
