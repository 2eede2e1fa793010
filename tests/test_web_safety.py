"""The web server against hostile requests (issue 13): only its own page may change anything
(Host, Origin, JSON content type), every bound of limits.py holds, every error is a JSON body
with the CLI's messages and never a 500, searches are bounded, and the CPU-bound work runs in
worker processes."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from drafting.cli import main
from drafting.limits import MAX_INPUT_BYTES, MAX_SEARCH
from drafting.registry.db import open_registry
from drafting.registry.models import Agreement
from drafting.web import pool
from drafting.web.app import create_app
from drafting.web.body import MAX_BODY

from .conftest import ROOT

HERE = "http://127.0.0.1:8000"
BPJS = "pks_bpjs_ketenagakerjaan_imigrasi"


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("reg") / "r.db")
    for name in (BPJS, "pks_kanim_pemkab"):
        result = CliRunner().invoke(main, ["registry", "add", str(ROOT / "examples" / f"{name}.yaml"), "--db", db])
        assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def app(registry: str) -> Any:
    return create_app(registry, allowed_hosts=["drafting.contoh.go.id"])


@pytest.fixture(scope="module")
def client(app: Any) -> TestClient:
    return TestClient(app, base_url=HERE)


@pytest.fixture
def bpjs(client: TestClient) -> dict[str, Any]:
    return client.get(f"/api/examples/{BPJS}").json()


def count(registry: str) -> int:
    with open_registry(registry)() as session:
        return session.query(Agreement).count()


def assert_problem(response: Any, status: int, *words: str) -> dict[str, Any]:
    """An error as every error is answered: the status, a JSON body of problems in Indonesian."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["problems"] and all({"path", "message", "line"} <= set(p) for p in body["problems"])
    text = json.dumps(body, ensure_ascii=False)
    for word in words:
        assert word in text, text
    assert "Traceback" not in text and "Internal Server Error" not in text
    return body


# --- Host and Origin ---------------------------------------------------------------------------

@pytest.mark.parametrize("method, url", [("GET", "/api/meta"), ("GET", "/api/registry"), ("GET", "/api/registry/1"),
                                         ("POST", "/api/preview"), ("PUT", "/api/registry/2"), ("GET", "/")])
def test_a_request_to_another_name_is_refused_dns_rebinding(client: TestClient, bpjs: dict[str, Any], method: str,
                                                            url: str) -> None:
    """A page on evil.example whose name resolves to this computer: its requests carry its Host."""
    response = client.request(method, url, json=bpjs, headers={"host": "evil.example:8000"})
    assert_problem(response, 403, "tidak melayani alamat 'evil.example:8000'")


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "localhost", "drafting.contoh.go.id",
                                  "DRAFTING.contoh.go.id:443"])
def test_this_computer_and_the_allowed_names_are_served(client: TestClient, host: str) -> None:
    assert client.get("/api/meta", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("origin", ["https://evil.example", "http://127.0.0.1:9999", "http://localhost:8000", "null"])
def test_a_change_sent_from_another_page_is_refused(client: TestClient, registry: str, bpjs: dict[str, Any],
                                                    origin: str) -> None:
    before = count(registry)
    for method, url in (("POST", "/api/registry"), ("PUT", "/api/registry/2"), ("POST", "/api/preview")):
        response = client.request(method, url, json=bpjs, headers={"origin": origin})
        assert_problem(response, 403, "ditolak")
    assert count(registry) == before


def test_a_cross_site_request_without_origin_is_refused(client: TestClient, bpjs: dict[str, Any]) -> None:
    response = client.post("/api/preview", json=bpjs, headers={"sec-fetch-site": "cross-site"})
    assert_problem(response, 403, "situs lain")


def test_the_page_itself_and_a_client_without_a_browser_may_change(client: TestClient, bpjs: dict[str, Any]) -> None:
    assert client.post("/api/preview", json=bpjs, headers={"origin": HERE}).status_code == 200
    assert client.post("/api/preview", json=bpjs).status_code == 200  # curl, a script: no Origin
    # behind a proxy that rewrites Host, the page's Origin is one of the allowed names
    assert client.post("/api/preview", json=bpjs, headers={"origin": "https://drafting.contoh.go.id"}).status_code == 200


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                                          None])
def test_a_json_endpoint_takes_only_json(client: TestClient, registry: str, bpjs: dict[str, Any],
                                         content_type: str | None) -> None:
    """What a form on another site can send without asking (text/plain …) creates no draft."""
    before = count(registry)
    headers = {"content-type": content_type} if content_type else {}
    for url in ("/api/registry", "/api/preview", "/api/open", "/api/yaml", "/api/render/docx"):
        response = client.post(url, content=json.dumps(bpjs).encode(), headers=headers)
        assert_problem(response, 415, "application/json")
    assert count(registry) == before
    assert client.post("/api/preview", content=json.dumps(bpjs).encode(),
                       headers={"content-type": "application/json; charset=utf-8"}).status_code == 200


# --- limits ------------------------------------------------------------------------------------

def test_a_body_past_the_cap_is_413(client: TestClient) -> None:
    big = b'{"tentang": "' + b"x" * MAX_BODY + b'"}'
    assert_problem(client.post("/api/preview", content=big, headers={"content-type": "application/json"}), 413,
                   "terlalu besar")


@pytest.mark.parametrize("depth", [30, 1_000, 100_000])
def test_deep_json_is_422_not_500(client: TestClient, depth: int) -> None:
    body = b'{"kind": "nota_kesepahaman", "scope": ' + b"[" * depth + b"]" * depth + b"}"
    if len(body) > MAX_BODY:
        return
    assert_problem(client.post("/api/preview", content=body, headers={"content-type": "application/json"}), 422,
                   "bersarang terlalu dalam")


def test_a_billion_laughs_in_an_opened_file_is_refused_at_once(client: TestClient) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(9))
    start = time.perf_counter()
    response = client.post("/api/open", json={"text": bomb, "filename": "bom.yaml"})
    assert time.perf_counter() - start < 5  # was 10 s, every other request blocked meanwhile
    assert_problem(response, 422, "terlalu banyak", "alias")


def test_an_opened_file_past_the_size_limit_is_413(client: TestClient) -> None:
    assert_problem(client.post("/api/open", json={"text": "#" * (MAX_INPUT_BYTES + 1), "filename": "x.yaml"}), 413,
                   "terlalu besar")


def test_100000_scope_items_are_refused_at_once(client: TestClient, bpjs: dict[str, Any]) -> None:
    """Were 32 s and 1.9 GB in the preview, 742 MB of it kept afterwards."""
    bpjs["scope"] = ["x"] * 100_000
    start = time.perf_counter()
    assert_problem(client.post("/api/preview", json=bpjs), 422, "terlalu banyak")
    assert time.perf_counter() - start < 5


def test_list_and_text_bounds_are_the_cli_s(client: TestClient, bpjs: dict[str, Any]) -> None:
    bpjs["scope"] = ["x"] * 101
    bpjs["tentang"] = "x" * 501
    body = assert_problem(client.post("/api/preview", json=bpjs), 422)
    assert {(p["path"], p["message"]) for p in body["problems"]} >= {
        ("scope", "terlalu banyak butir: paling banyak 100"), ("tentang", "terlalu panjang: paling banyak 500 karakter")}


def test_a_term_past_year_9999_is_a_problem_not_a_500(client: TestClient, bpjs: dict[str, Any]) -> None:
    bpjs["term"] = {"start": "9999-06-01", "years": 8000}
    body = assert_problem(client.post("/api/preview", json=bpjs), 422)
    assert {p["path"] for p in body["problems"]} == {"term.start", "term.years"}


# --- errors --------------------------------------------------------------------------------------

def test_an_invalid_date_in_an_opened_yaml_opens_and_is_named_by_the_preview(client: TestClient) -> None:
    text = (ROOT / "examples" / f"{BPJS}.yaml").read_text(encoding="utf-8").replace("  end: 2027-01-16",
                                                                                     "  end: 2027-02-30")
    opened = client.post("/api/open", json={"text": text, "filename": "naskah.yaml"})
    assert opened.status_code == 200 and opened.json()["term"]["end"] == "2027-02-30"  # as typed
    body = assert_problem(client.post("/api/preview", json=opened.json()), 422)
    assert body["problems"] == [{"path": "term.end", "message": "bukan tanggal yang sah (tulis TTTT-BB-HH, mis. "
                                                                "2027-01-16)", "line": None}]


def test_an_opened_file_is_named_and_its_lines_given(client: TestClient) -> None:
    body = assert_problem(client.post("/api/open", json={"text": "kind: a\nkind: b\n", "filename": "x.yaml"}), 422)
    assert body["problems"] == [{"path": "kind", "message": "isian 'kind' ditulis dua kali (baris 1 dan baris 2); "
                                                            "hapus salah satu", "line": 2}]


def test_a_body_with_a_key_twice_is_400_naming_both_lines(client: TestClient) -> None:
    response = client.post("/api/preview", content=b'{"kind": "x",\n"kind": "y"}',
                           headers={"content-type": "application/json"})
    assert_problem(response, 400, "ditulis dua kali (baris 1 dan baris 2)")


def test_a_library_folder_named_by_a_request_is_never_read(client: TestClient, bpjs: dict[str, Any]) -> None:
    """Only the libraries the server offers (the examples', --library) may be named."""
    bpjs["library"] = ["/etc", "../../.."]
    body = assert_problem(client.post("/api/preview", json=bpjs), 422, "tidak tersedia di server ini")
    assert [p["path"] for p in body["problems"]] == ["library[0]", "library[1]"]


@pytest.mark.parametrize("method, url, status", [("GET", "/api/tidak-ada", 404), ("DELETE", "/api/preview", 405),
                                                 ("GET", "/api/examples/..%2F..%2Fetc%2Fpasswd", 404),
                                                 ("GET", "/api/registry/abc", 404), ("POST", "/api/render/exe", 404)])
def test_every_error_is_json_in_indonesian(client: TestClient, method: str, url: str, status: int) -> None:
    body = assert_problem(client.request(method, url, json={}), status)
    assert body["problems"][0]["message"] not in ("Not Found", "Method Not Allowed")


# --- search --------------------------------------------------------------------------------------

@pytest.mark.parametrize("q", ["x" * 60_000, "x" * (MAX_SEARCH + 1)])  # 60,000: the longest query the client sends
def test_a_long_search_is_refused_not_run(client: TestClient, q: str) -> None:
    assert_problem(client.get("/api/registry", params={"q": q}), 422, f"paling banyak {MAX_SEARCH} karakter")


@pytest.mark.parametrize("q", ["\x00", "a\x00", "\x1b[2J", "\u200b"])
def test_a_search_with_control_characters_is_refused(client: TestClient, q: str) -> None:
    """``?q=%00`` listed every entry: SQLite's LIKE stops reading the pattern at a NUL."""
    response = client.get("/api/registry?q=" + "".join(f"%{b:02X}" for b in q.encode()))
    assert_problem(response, 422, "karakter kendali")


def test_a_search_that_is_not_utf8_finds_nothing(client: TestClient) -> None:
    assert client.get("/api/registry?q=%ED%A0%80%FF").json()["entries"] == []


def test_a_search_reads_as_the_fields_are_written(client: TestClient) -> None:
    assert [e["id"] for e in client.get("/api/registry", params={"q": "  SUMBAWA\t"}).json()["entries"]] == [2]


# --- the work runs in worker processes ---------------------------------------------------------------

def test_rendering_runs_in_worker_processes_one_per_core() -> None:
    pids = {pool.executor().submit(os.getpid).result(timeout=120) for _ in range(8)}
    assert os.getpid() not in pids and len(pids) <= pool.workers()
    assert pool.workers() == len(os.sched_getaffinity(0))


def test_serve_allows_the_names_it_is_given(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    apps: list[Any] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: apps.append(app))
    db = str(tmp_path / "a.db")
    assert CliRunner().invoke(main, ["serve", "--db", db, "--allowed-host", "naskah.contoh.go.id"]).exit_code == 0
    monkeypatch.setenv("DRAFTING_ALLOWED_HOSTS", "lain.contoh.go.id")
    assert CliRunner().invoke(main, ["serve", "--db", db, "--host", "10.1.2.3"]).exit_code == 0
    first, second = (TestClient(a, base_url=HERE) for a in apps)
    assert first.get("/api/meta", headers={"host": "naskah.contoh.go.id"}).status_code == 200
    assert first.get("/api/meta", headers={"host": "10.1.2.3:8000"}).status_code == 403
    assert second.get("/api/meta", headers={"host": "10.1.2.3:8000"}).status_code == 200  # the address it listens on
    assert second.get("/api/meta", headers={"host": "lain.contoh.go.id"}).status_code == 200


def test_the_preview_converts_only_new_blocks_and_is_the_page_pandoc_makes_of_all(bpjs: dict[str, Any]) -> None:
    import pypandoc

    from drafting import pipeline
    from drafting.render.pandoc import pandoc_ast
    from drafting.web import drafts, preview

    for change in (None, "Badan Penyelenggara <Jaminan> & *Sosial*", "PIHAK PERTAMA"):
        if change:
            bpjs["parties"][0]["name"] = change
        doc = pipeline.build(drafts.agreement_of(bpjs))
        whole = pypandoc.convert_text(json.dumps(pandoc_ast(doc), ensure_ascii=False), "html5", format="json",
                                      extra_args=["--wrap=none"])
        assert preview.body_html(doc) == whole
        assert preview.body_html(doc) == whole  # from the cache alone


def test_attaching_an_uploaded_naskah_reads_it_in_a_worker(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading back a PDF of a hundred pages takes seconds of CPU: in a worker, like a preview,
    so that no other drafter waits for it; a bomb in the upload is refused there, as by the CLI."""
    ran: list[str] = []
    real = pool.run

    async def recorded(work: Any, *args: Any) -> Any:
        ran.append(work.__name__)
        return await real(work, *args)

    monkeypatch.setattr(pool, "run", recorded)
    bomb = (ROOT / "tests" / "corpus" / "format_word_numbering" / "naskah.docx").read_bytes()
    import io
    import zipfile
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bomb)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data if name != "word/document.xml" else b'<!DOCTYPE x [<!ENTITY a "a">]>' + data)
    response = client.post("/api/registry/2/attach", params={"filename": "naskah.docx"}, content=out.getvalue(),
                           headers={"Content-Type": "application/octet-stream"})
    assert_problem(response, 422, "DTD")
    assert ran == ["uploaded_naskah"]


@pytest.mark.parametrize("url, kwargs", [
    ("/api/open", {"content": '{"text": "kind: x\\n", "filename": "\\u001b[2J\\ud800.yaml"}',
                   "headers": {"Content-Type": "application/json"}}),
    ("/api/registry/2/attach?filename=%ED%A0%80.docx", {"content": b"PK", "headers": {"Content-Type":
                                                                                      "application/octet-stream"}})])
def test_a_file_name_no_file_system_could_hold_is_no_500(client: TestClient, url: str, kwargs: dict[str, Any]) -> None:
    """A lone surrogate in the name an upload gives itself (JSON's escape, or a query's bytes)."""
    response = client.post(url, **kwargs)
    assert response.status_code in (200, 415, 422), response.text
    assert "kesalahan di server" not in response.text
