"""The bounds of limits.py as the loader enforces them: refused while reading, fast, in little
memory; and what the loader reads as YAML 1.2's core schema (text stays text)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import yaml

from drafting import limits
from drafting.errors import InputError, LimitError
from drafting.load import load_agreement, parse_agreement, parse_data, read_input, validate
from drafting.model import Agreement

from .conftest import BPJS

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(9))


def refused(text: str, *, is_json: bool = False) -> tuple[InputError, float, int]:
    """The error, the CPU seconds and the peak bytes allocated while refusing ``text``."""
    tracemalloc.start()
    cpu = time.process_time()
    try:
        with pytest.raises(InputError) as exc:
            parse_agreement(text, source="naskah", is_json=is_json)
    finally:
        cpu = time.process_time() - cpu
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return exc.value, cpu, peak


def test_a_billion_laughs_is_refused_while_composing_without_memory(bpjs_text: str) -> None:
    text = bpjs_text + "\nbomb:\n" + "".join("  " + line + "\n" for line in BOMB.splitlines())
    err, cpu, peak = refused(text)
    assert isinstance(err, LimitError)
    [p] = err.problems
    assert p.path.startswith("bomb.") and p.line is not None
    assert "terlalu banyak" in p.message and "alias" in p.message
    assert cpu < 0.5 and peak < 2_000_000  # 10^10 values written in 3 kB: never built


@pytest.mark.parametrize("is_json", [False, True])
def test_a_file_at_the_size_limit_is_refused_in_a_small_multiple_of_its_size(is_json: bool) -> None:
    data = yaml.safe_load(BPJS.read_text(encoding="utf-8"))
    data["scope"] = [f"b{i}" for i in range(45_000)]
    text = json.dumps(data, default=str) if is_json else yaml.safe_dump(data, allow_unicode=True)
    assert len(text) < limits.MAX_INPUT_BYTES
    err, cpu, peak = refused(text, is_json=is_json)
    assert isinstance(err, LimitError) and "terlalu banyak" in err.problems[0].message
    assert cpu < 2.0  # under tracemalloc, which doubles it; about 0.2 s without
    assert peak < 25 * len(text)


def test_recursive_alias_is_refused() -> None:
    err, _, _ = refused("kind: x\nscope: &s [a, *s]\n")
    assert err.problems[0].path == "scope[1]" and "memuatnya sendiri" in err.problems[0].message


@pytest.mark.parametrize("text, path", [
    ("scope: " + "[" * 10_000 + "]" * 10_000, ""),  # libyaml's own bound answers first
    ("scope:\n" + "".join("  " * i + "-\n" for i in range(1, 30)), "scope" + "[0]" * 19),
])
def test_nesting_is_bounded(text: str, path: str) -> None:
    err, cpu, _ = refused(text)
    assert isinstance(err, LimitError) and "bersarang terlalu dalam" in err.problems[0].message
    assert err.problems[0].path == path and cpu < 0.5


@pytest.mark.parametrize("depth", [25, 5_000, 100_000])
def test_deep_json_is_refused(depth: int) -> None:
    err, cpu, _ = refused('{"kind": "x", "scope": ' + "[" * depth + "]" * depth + "}", is_json=True)
    assert isinstance(err, LimitError) and "bersarang terlalu dalam" in err.problems[0].message
    assert cpu < 0.5


def test_the_registry_and_the_web_get_the_same_bounds() -> None:
    """Data that did not come through the loader (a request, the registry) is bounded too."""
    deep: Any = "x"
    for _ in range(50):
        deep = [deep]
    with pytest.raises(LimitError) as exc:
        validate({"kind": "nota_kesepahaman", "scope": deep})
    assert exc.value.problems[0].path == "scope" + "[0]" * 19
    with pytest.raises(LimitError):
        validate({"kind": "nota_kesepahaman", "scope": ["x"] * (limits.MAX_NODES + 1)})


def test_duplicate_keys_name_both_lines() -> None:
    text = "kind: nota_kesepahaman\nparties:\n  - name: A\n    short_name: A\n    name: B\n"
    err, _, _ = refused(text)
    [p] = err.problems
    assert (p.path, p.line) == ("parties[0].name", 5)
    assert "ditulis dua kali (baris 3 dan baris 5)" in p.message


def test_duplicate_keys_in_json_name_both_lines() -> None:
    err, _, _ = refused('{\n "kind": "nota_kesepahaman",\n "tentang": "A",\n\t"tentang": "B"\n}', is_json=True)
    [p] = err.problems
    assert (p.path, p.line) == ("tentang", 4) and "(baris 3 dan baris 4)" in p.message


def test_merge_keys_still_work_and_may_be_overridden() -> None:
    data, _ = parse_data("base: &b {name: A, short_name: A}\nparty: {<<: *b, name: B}\n")
    assert data["party"] == {"name": "B", "short_name": "A"}


@pytest.mark.parametrize("typed, read", [
    ("yes", "yes"), ("no", "no"), ("on", "on"), ("0157", "0157"), ("12:30", "12:30"), ("1.50", "1.50"),
    ("2023-01-01", "2023-01-01"), (".nan", ".nan"), ("1e3", "1e3"), ("0x1F", "0x1F"), ("true", True), ("False", False),
    ("12", 12), ("-3", -3), ("~", None), ("null", None), ("", None), ("1" * 25, "1" * 25),
])
def test_scalars_are_read_as_yaml_1_2_core_schema(typed: str, read: Any) -> None:
    """Text stays the text that was typed: a nomor "0157" is not the octal number 111, "12:30" is
    not 750 (base 60), "no" is not false; dates are read by the model, which names the field."""
    data, _ = parse_data(f"nomor: {typed}\n")
    assert data["nomor"] == read


def test_keys_are_text_whatever_they_look_like() -> None:
    data, _ = parse_data("1: a\n2023-01-01: b\nnull: c\ntrue: d\n")
    assert list(data) == ["1", "2023-01-01", "null", "true"]


def test_json_numbers_that_are_not_integers_stay_as_typed() -> None:
    data, _ = parse_data('{"nomor": 1.50, "x": NaN, "y": 12, "z": 123456789012345678901234}', is_json=True)
    assert data == {"nomor": "1.50", "x": "NaN", "y": 12, "z": "123456789012345678901234"}


def test_input_file_is_read_bounded(tmp_path: Path) -> None:
    big = tmp_path / "besar.yaml"
    big.write_bytes(b"#" * (limits.MAX_INPUT_BYTES + 1))
    with pytest.raises(LimitError) as exc:
        read_input(big)
    assert "terlalu besar" in exc.value.problems[0].message
    exact = tmp_path / "pas.yaml"
    exact.write_bytes(b"#" * limits.MAX_INPUT_BYTES)
    assert len(read_input(exact)) == limits.MAX_INPUT_BYTES


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/urandom", "folder"])
def test_devices_pipes_and_folders_are_refused_at_once(special: str, tmp_path: Path) -> None:
    """In a child process with a timeout: a FIFO opened the ordinary way would block forever."""
    path = tmp_path / "masukan.yaml"
    if special == "fifo":
        os.mkfifo(path)
    elif special == "folder":
        path.mkdir()
    else:
        path = Path(special)
    code = ("import sys\nfrom drafting.load import load_agreement\nfrom drafting.errors import InputError\n"
            "try:\n    load_agreement(sys.argv[1])\nexcept InputError as e:\n    print(e.problems[0].message)\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("adalah folder" if special == "folder" else "bukan berkas biasa")


def test_unreadable_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "rahasia.yaml"
    path.write_text("kind: x\n")
    real_open = os.open

    def denied(p: Any, *args: Any) -> int:  # root reads anything: the refusal is the OS's, simulated
        if Path(p) == path:
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(p, *args)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(InputError) as exc:
        load_agreement(path)
    assert exc.value.problems[0].message == "berkas tidak dapat dibaca: izin ditolak"


def test_every_bound_shows_in_the_schema() -> None:
    schema = json.dumps(Agreement.model_json_schema())
    for bound in (f'"maxLength": {limits.MAX_LINE}', f'"maxLength": {limits.MAX_TEXT}',
                  f'"maxItems": {limits.MAX_ITEMS}', f'"maxItems": {limits.MAX_PARTIES}',
                  f'"maximum": {limits.MAX_YEARS}', f'"maximum": {limits.MAX_MONTHS}',
                  f'"maximum": {limits.MAX_ORIGINALS}', f'"maximum": {limits.MAX_TIMES}',
                  f'"formatMaximum": "{limits.LAST_DATE.isoformat()}"'):
        assert bound in schema, bound


def test_the_examples_are_far_inside_every_bound() -> None:
    for path in sorted(BPJS.parent.glob("*.yaml")):
        agreement = load_agreement(path)
        assert len(path.read_bytes()) < limits.MAX_INPUT_BYTES // 20
        assert len(agreement.parties) <= limits.MAX_PARTIES // 2


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "bomb", "twice"])
def test_a_unit_library_file_is_read_with_the_bounds_of_an_input(special: str, tmp_path: Path) -> None:
    """A unit's library (--library, or an input's ``library``) may come from anywhere: its files
    are read as an input file is. In a child process with a timeout, as above."""
    clauses = tmp_path / "pustaka" / "clauses"
    clauses.mkdir(parents=True)
    path = clauses / "klausul.yaml"
    if special == "fifo":
        os.mkfifo(path)
    elif special == "/dev/zero":
        path.symlink_to("/dev/zero")
    elif special == "bomb":
        path.write_text("id: klausul\n" + BOMB)
    else:
        path.write_text("id: klausul\nid: klausul\n")
    code = ("import sys\nfrom pathlib import Path\nfrom drafting import library\nfrom drafting.errors import "
            "LibraryError\ntry:\n    library.load(library.with_shipped([Path(sys.argv[1])]))\n"
            "except LibraryError as e:\n    print(e)\n")
    done = subprocess.run([sys.executable, "-c", code, str(path.parent.parent)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stderr == ""
    assert f"{path}" in done.stdout or "klausul.yaml" in done.stdout
    assert {"fifo": "bukan berkas biasa", "/dev/zero": "bukan berkas biasa", "bomb": "alias YAML dihitung",
            "twice": "ditulis dua kali (baris 1 dan baris 2)"}[special] in done.stdout, done.stdout


def test_list_labels_stay_short_at_the_bound() -> None:
    """100,000 scope items once ran to labels of hundreds of letters; at the bound the last is 'vvvv.'."""
    from drafting.numbering import _letters

    assert _letters(limits.MAX_ITEMS) == "vvvv"


@pytest.mark.parametrize("special", ["fifo", "bomb"])
def test_a_unit_template_s_word_file_is_read_bounded(special: str, tmp_path: Path, bpjs_path: Path) -> None:
    """The Word template a unit's template names (``docx:``) is read as a naskah is: a FIFO is
    refused, not waited on; a zip bomb refused before docxtpl unpacks it. In a child process."""
    import shutil
    import zipfile

    folder = tmp_path / "pustaka" / "templates" / "perjanjian_kerja_sama"
    folder.mkdir(parents=True)
    shipped = Path(limits.__file__).parent.parent / "templates" / "perjanjian_kerja_sama" / "template.yaml"
    shutil.copy(shipped, folder / "template.yaml")
    with (folder / "template.yaml").open("a", encoding="utf-8") as f:
        f.write("docx: kertas.docx\n")
    if special == "fifo":
        os.mkfifo(folder / "kertas.docx")
    else:
        with zipfile.ZipFile(folder / "kertas.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
            package.writestr("word/document.xml", "<w:document/>")
            with package.open("word/media/bom.bin", "w") as picture:
                for _ in range(201):
                    picture.write(bytes(2**20))
    command = Path(sys.executable).parent / "drafting"
    done = subprocess.run([str(command), "render", str(bpjs_path), "-o", str(tmp_path / "naskah.docx"), "--library",
                           str(tmp_path / "pustaka")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "kertas.docx: templat Word: " + ("bukan berkas biasa" if special == "fifo" else "isi berkas lebih dari 200") \
        in done.stderr, done.stderr
    assert not (tmp_path / "naskah.docx").exists()
