"""drafting.load: reading YAML/JSON into an Agreement; every problem with its field path, and for
YAML its line, in words a drafter reads."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from drafting.errors import InputError, Problem
from drafting.load import load_agreement, parse_agreement, validate
from drafting.model import Agreement


def line_of(text: str, needle: str) -> int:
    """1-based number of the (first) line containing ``needle``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def fail(text: str, **kw) -> InputError:
    with pytest.raises(InputError) as exc:
        parse_agreement(text, source="naskah.yaml", **kw)
    return exc.value


def only(err: InputError) -> Problem:
    assert len(err.problems) == 1, err.problems
    return err.problems[0]


def test_example_loads(bpjs_path: Path) -> None:
    a = load_agreement(bpjs_path)
    assert isinstance(a, Agreement)
    assert a.kind.value == "perjanjian_kerja_sama"
    assert [p.short_name for p in a.parties] == ["BPJS Ketenagakerjaan", "Direktorat Jenderal Imigrasi"]
    assert a.term.end == date(2027, 1, 16)
    assert a.data_exchange.flows[1].receiver == 2


def test_missing_representative_name(bpjs_text: str) -> None:
    lines = bpjs_text.splitlines()
    cut = line_of(bpjs_text, "name: ANGGORO EKO CAHYO")
    text = "\n".join(lines[:cut - 1] + lines[cut:])
    p = only(fail(text))
    assert p.path == "parties[0].representative.name"
    assert p.message == "wajib diisi"
    # the line of the block it is missing from
    assert line_of(text, "representative:") <= p.line <= line_of(text, "position: Direktur Utama")


def test_message_names_file_path_line_and_words(bpjs_text: str) -> None:
    text = bpjs_text.replace("\n      name: SILMY KARIM\n", "\n")
    err = fail(text)
    assert str(err).splitlines()[0] == "naskah.yaml: isian tidak dapat diproses"
    assert "parties[1].representative.name (baris" in str(err)
    assert str(err).rstrip().endswith("wajib diisi")


def test_end_before_start(bpjs_text: str) -> None:
    text = bpjs_text.replace("term:\n  end: 2027-01-16", "term:\n  start: 2025-01-01\n  end: 2024-01-01")
    p = only(fail(text))
    assert p.path == "term.end"
    assert p.line == line_of(text, "end: 2024-01-01")
    assert "2024-01-01" in p.message and "2025-01-01" in p.message


def test_end_before_signing_date(bpjs_data) -> None:
    bpjs_data["term"] = {"end": date(2023, 1, 1)}  # signed 2023-06-19, no start
    with pytest.raises(InputError) as exc:
        validate(bpjs_data)
    assert [p.path for p in exc.value.problems] == ["term.end"]


def test_end_and_years_together(bpjs_data) -> None:
    bpjs_data["term"] = {"end": date(2027, 1, 16), "years": 3}
    with pytest.raises(InputError) as exc:
        validate(bpjs_data)
    p = exc.value.problems[0]
    assert p.path == "term"
    assert "Value error" not in p.message


def test_party_ref_out_of_range(bpjs_text: str) -> None:
    text = bpjs_text.replace("      provider: 2\n", "      provider: 3\n", 1)
    p = only(fail(text))
    assert p.path == "data_exchange.flows[0].provider"
    assert "3" in p.message and "2 pihak" in p.message


def test_party_ref_out_of_range_line(bpjs_text: str) -> None:
    text = bpjs_text.replace("      provider: 2\n", "      provider: 3\n", 1)
    assert only(fail(text)).line == line_of(text, "provider: 3")


def test_network_party_ref_out_of_range(bpjs_data) -> None:
    bpjs_data["data_exchange"]["network"]["provider"] = 5
    with pytest.raises(InputError) as exc:
        validate(bpjs_data)
    assert [p.path for p in exc.value.problems] == ["data_exchange.network.provider"]


def test_party_ref_zero(bpjs_data) -> None:
    bpjs_data["data_exchange"]["flows"][0]["receiver"] = 0
    with pytest.raises(InputError) as exc:
        validate(bpjs_data)
    p = exc.value.problems[0]
    assert p.path == "data_exchange.flows[0].receiver"
    assert p.message == "harus paling sedikit 1"


def test_malformed_yaml_gives_the_line(bpjs_text: str) -> None:
    text = bpjs_text.replace("tentang: Pemanfaatan Data", "tentang: Pemanfaatan: Data", 1)
    p = only(fail(text))
    assert p.path == ""
    assert p.line == line_of(text, "tentang: Pemanfaatan: Data")
    assert p.message.startswith("YAML tidak sah")
    assert f"(baris {p.line})" in p.describe()


@pytest.mark.parametrize("bad", ["2027-02-30", "2023-13-01"])
def test_impossible_yaml_date(bpjs_text: str, bad: str) -> None:
    text = bpjs_text.replace("  end: 2027-01-16", f"  end: {bad}")
    p = only(fail(text))
    assert (p.path, p.line) == ("term.end", line_of(text, bad))
    assert "bukan tanggal yang sah" in p.message


def test_impossible_json_date(bpjs_data) -> None:
    bpjs_data["term"] = {"end": "2027-02-30"}
    bpjs_data["signing"]["date"] = "2023-06-19"
    text = json.dumps(bpjs_data, default=str)
    p = only(fail(text, is_json=True))
    assert p.path == "term.end"
    assert "bukan tanggal yang sah" in p.message


def test_unknown_field_and_wrong_type_reported_together(bpjs_text: str) -> None:
    text = bpjs_text.replace("originals: 2", "originals: dua\nlampiran: 1")
    err = fail(text)
    got = {p.path: (p.message, p.line) for p in err.problems}
    assert got["originals"] == ("harus berupa bilangan bulat", line_of(text, "originals: dua"))
    assert got["lampiran"][0].startswith("isian tidak dikenal")
    assert got["lampiran"][1] == line_of(text, "lampiran: 1")


def test_unknown_enum_value_lists_the_choices(bpjs_text: str) -> None:
    text = bpjs_text.replace("kind: perjanjian_kerja_sama\ntentang", "kind: perjanjian\ntentang", 1)
    p = only(fail(text))
    assert p.path == "kind"
    assert "'perjanjian'" in p.message and "nota_kesepahaman" in p.message and " atau " in p.message


def test_non_mapping_document() -> None:
    p = only(fail("- satu\n- dua\n"))
    assert p.path == ""
    assert "kumpulan isian" in p.message


def test_empty_document() -> None:
    assert only(fail("")).path == ""


def test_json_equals_yaml(bpjs_path: Path, bpjs_data, tmp_path: Path) -> None:
    json_path = tmp_path / "bpjs.json"
    json_path.write_text(json.dumps(bpjs_data, default=str, ensure_ascii=False), encoding="utf-8")
    assert load_agreement(json_path) == load_agreement(bpjs_path)


def test_json_suffix_is_case_insensitive(bpjs_data, tmp_path: Path) -> None:
    path = tmp_path / "BPJS.JSON"
    path.write_text(json.dumps(bpjs_data, default=str), encoding="utf-8")
    assert load_agreement(path).parties[1].short_name == "Direktorat Jenderal Imigrasi"


def test_malformed_json() -> None:
    p = only(fail('{"kind": "nota_kesepahaman",\n "tentang": }', is_json=True))
    assert p.message.startswith("JSON tidak sah")
    assert p.line == 2


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        load_agreement(tmp_path / "tidak_ada.yaml")
    assert exc.value.source.endswith("tidak_ada.yaml")
    assert only(exc.value).message == "berkas tidak ditemukan"


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("kind: nota_kesepahaman\n\ntentang: Kerja Sama \xe9\n".encode("latin-1"))
    with pytest.raises(InputError) as exc:
        load_agreement(path)
    p = only(exc.value)
    assert "bukan teks UTF-8 (bita 0xE9)" in p.message and p.line == 3  # a line, not a byte offset


def test_yaml_is_read_safely() -> None:
    err = fail("kind: !!python/object/apply:os.system ['true']\n")
    assert only(err).message.startswith("YAML tidak sah")


def test_number_typed_as_nomor_is_kept_as_text(bpjs_data) -> None:
    bpjs_data["parties"][1]["nomor"] = 158
    assert validate(bpjs_data).parties[1].nomor == "158"


def test_duplicate_short_names(bpjs_data) -> None:
    bpjs_data["parties"][1]["short_name"] = bpjs_data["parties"][0]["short_name"]
    with pytest.raises(InputError) as exc:
        validate(bpjs_data)
    p = exc.value.problems[0]
    assert p.path == "parties"
    assert "BPJS Ketenagakerjaan" in p.message and not p.message.startswith("Value error")


def test_one_party_is_too_few(bpjs_data) -> None:
    del bpjs_data["parties"][1]
    del bpjs_data["data_exchange"]
    with pytest.raises(InputError) as exc:
        validate(bpjs_data)
    assert [p.path for p in exc.value.problems] == ["parties"]
    assert "paling sedikit 2" in exc.value.problems[0].message


def test_list_item_union_paths_are_clean(bpjs_data) -> None:
    bpjs_data["scope"][1] = {"text": "x", "itemz": []}
    with pytest.raises(InputError) as exc:
        validate(bpjs_data)
    paths = [p.path for p in exc.value.problems]
    assert "scope[1].itemz" in paths
    assert not any(".map" in p or ".str" in p for p in paths)
