"""drafting.numbering: Pasal numbers, ayat and list labels, list punctuation, cross-references.

Documents are built from clause-like outline text (drafting.outline.parse), as assembly does.
"""

from __future__ import annotations

import copy

import pytest

from drafting import library, outline
from drafting.document import Document, PageOptions, Ref, Run, Section
from drafting.library import TEMPLATES_DIR
from drafting.errors import CrossReferenceError
from drafting.layout import plain_text
from drafting.numbering import number


def ref(*targets: str) -> str:
    return outline.ref_marker(targets, bare=False)


def nomor(*targets: str) -> str:
    return outline.ref_marker(targets, bare=True)


def sec(cid: str, text: str, *, pasal: bool = True) -> Section:
    return Section(id=cid, title=cid.upper(), pasal=pasal, paragraphs=outline.parse(text, where=cid))


def doc(*pasal: Section, front: list[Section] | None = None) -> Document:
    return Document(kind="perjanjian_kerja_sama", naskah="Perjanjian Kerja Sama", title=[],
                    front=front or [], pasal=list(pasal), closing=[], signatories=[], paraf_labels=[],
                    page=PageOptions(template=TEMPLATES_DIR / "naskah.docx"), words=library.shipped().words)


def body(text: str, **kw: str) -> list[str]:
    """The numbered lines of one Pasal made of ``text`` (without its heading)."""
    return plain_text(number(doc(sec("x", text)), **kw)).splitlines()[2:]


def text_of(content: list) -> str:
    assert all(isinstance(x, Run) for x in content), content
    return "".join(x.text for x in content)


# --- Pasal and ayat ------------------------------------------------------------------------

def test_pasal_numbered_one_to_n_in_order() -> None:
    out = number(doc(*(sec(f"p{i}", f"Isi {i}.") for i in range(1, 8))))
    assert [s.number for s in out.pasal] == [1, 2, 3, 4, 5, 6, 7]
    assert [s.id for s in out.pasal] == [f"p{i}" for i in range(1, 8)]
    lines = plain_text(out).splitlines()
    assert lines[0:3] == ["Pasal 1", "P1", "Isi 1."]
    assert lines[-3:] == ["Pasal 7", "P7", "Isi 7."]


def test_single_paragraph_pasal_has_no_ayat_label() -> None:
    out = number(doc(sec("x", "Satu-satunya paragraf.")))
    assert out.pasal[0].paragraphs[0].label == ""
    assert body("Satu-satunya paragraf.") == ["Satu-satunya paragraf."]


def test_ayat_labels_when_more_than_one_paragraph() -> None:
    assert body("Pertama.\nKedua.\nKetiga.") == ["(1) Pertama.", "(2) Kedua.", "(3) Ketiga."]


def test_front_matter_is_not_numbered_as_pasal_or_ayat() -> None:
    out = number(doc(sec("p", "Isi."), front=[sec("pembukaan", "Satu.\nDua.", pasal=False)]))
    assert out.front[0].number is None
    assert [p.label for p in out.front[0].paragraphs] == ["", ""]
    assert out.pasal[0].number == 1


# --- list labels ---------------------------------------------------------------------------

NESTED = """Pengantar:
- satu
- dua
  - dua satu
  - dua dua
    - dalam satu
    - dalam dua
      - lebih dalam satu
      - lebih dalam dua
- tiga
"""


def labels(text: str, **kw: str) -> list[str]:
    return [line.split(" ", 1)[0] for line in body(text, **kw)[1:]]


def test_list_labels_default_is_uu12_a_1dot_a_1() -> None:
    # UU 12/2011 Lampiran II: a. → 1. → a) → 1)
    assert labels(NESTED) == ["a.", "b.", "1.", "2.", "a)", "b)", "1)", "2)", "c."]


def test_list_labels_style_a_1_a_as_seed_003() -> None:
    assert labels(NESTED, list_levels="a. 1) a)") == ["a.", "b.", "1)", "2)", "a)", "b)", "1.", "2.", "c."]


def test_angka_list_numbered_1_2() -> None:
    assert body("Definisi:\n+ satu\n+ dua\n+ tiga") == ["Definisi:", "1. satu;", "2. dua; dan", "3. tiga."]


def test_letters_after_z_are_doubled() -> None:
    text = "Daftar:\n" + "\n".join(f"- butir {i}" for i in range(1, 31))
    got = labels(text)
    assert got[:3] == ["a.", "b.", "c."]
    assert got[25] == "z."
    assert got[26:] == ["aa.", "bb.", "cc.", "dd."]


def test_nested_letters_after_z() -> None:
    text = "Daftar:\n- induk\n" + "\n".join(f"  - sub {i}" for i in range(1, 28)) + "\n- akhir"
    got = labels(text)
    assert got[1:3] == ["1.", "2."]  # second level counts in numbers
    text = "Daftar:\n- a\n  - b\n" + "\n".join(f"    - c {i}" for i in range(1, 29))
    got = labels(text)
    assert got[-2:] == ["aa)", "bb)"]


# --- punctuation ---------------------------------------------------------------------------

def test_punctuation_semicolons_dan_and_full_stop() -> None:
    assert body("Meliputi:\n- satu\n- dua\n- tiga\n- empat") == [
        "Meliputi:", "a. satu;", "b. dua;", "c. tiga; dan", "d. empat."]


def test_two_items() -> None:
    assert body("Meliputi:\n- satu\n- dua") == ["Meliputi:", "a. satu; dan", "b. dua."]


def test_single_item_ends_with_full_stop() -> None:
    assert body("Meliputi:\n- satu") == ["Meliputi:", "a. satu."]


@pytest.mark.parametrize("conj", ["atau", "dan/atau"])
def test_conjunction_chosen_on_first_item(conj: str) -> None:
    assert body(f"Meliputi:\n-[{conj}] satu\n- dua\n- tiga") == [
        "Meliputi:", "a. satu;", f"b. dua; {conj}", "c. tiga."]


def test_semicolon_list_has_no_conjunction() -> None:
    assert body("Memperhatikan:\n+[;] satu\n+ dua\n+ tiga") == [
        "Memperhatikan:", "1. satu;", "2. dua;", "3. tiga."]


def test_full_stop_list_every_item_a_sentence() -> None:
    assert body("Yang dimaksud:\n+[.] Satu\n+ Dua") == ["Yang dimaksud:", "1. Satu.", "2. Dua."]


def test_empty_punctuation_leaves_text_as_typed() -> None:
    assert body("Teks:\n-[] satu,\n- dua") == ["Teks:", "a. satu,", "b. dua"]


def test_typed_punctuation_is_replaced() -> None:
    assert body("Meliputi:\n- satu.\n- dua;\n- tiga,") == ["Meliputi:", "a. satu;", "b. dua; dan", "c. tiga."]


def test_items_with_sublists_end_with_colon() -> None:
    assert body("Meliputi:\n- data paspor\n  - nama\n  - alamat\n- data lain") == [
        "Meliputi:", "a. data paspor:", "1. nama; dan", "2. alamat; dan", "b. data lain."]
    assert body("Meliputi:\n- data paspor\n  - nama\n- data lain\n  - x\n- akhir") == [
        "Meliputi:", "a. data paspor:", "1. nama;", "b. data lain:", "1. x; dan", "c. akhir."]


def test_nested_last_item_inherits_parent_punctuation() -> None:
    assert body(NESTED) == [
        "Pengantar:",
        "a. satu;",
        "b. dua:",          # penultimate item with a sublist: its own end goes to the sublist
        "1. dua satu; dan",
        "2. dua dua:",
        "a) dalam satu; dan",
        "b) dalam dua:",
        "1) lebih dalam satu; dan",
        "2) lebih dalam dua; dan",  # the very last nested item ends as 'dua' would: '; dan'
        "c. tiga.",
    ]


def test_full_stop_only_at_very_end_of_nesting() -> None:
    assert body("Meliputi:\n- satu\n- dua\n  - x\n  - y\n    - p\n    - q") == [
        "Meliputi:", "a. satu; dan", "b. dua:", "1. x; dan", "2. y:", "a) p; dan", "b) q."]


def test_middle_item_sublist_ends_with_semicolon() -> None:
    assert body("Meliputi:\n- satu\n  - x\n  - y\n- dua\n- tiga") == [
        "Meliputi:", "a. satu:", "1. x; dan", "2. y;", "b. dua; dan", "c. tiga."]


def test_list_in_each_ayat_is_punctuated_on_its_own() -> None:
    assert body("Pertama:\n- a\n- b\nKedua:\n-[atau] c\n- d") == [
        "(1) Pertama:", "a. a; dan", "b. b.", "(2) Kedua:", "a. c; atau", "b. d."]


def test_bold_item_end_gets_plain_punctuation() -> None:
    out = number(doc(sec("x", "Meliputi:\n- **satu**\n- dua")))
    first = out.pasal[0].paragraphs[0].list.items[0].content
    assert first == [Run("satu", bold=True), Run("; dan")]


# --- references ----------------------------------------------------------------------------

def referencing_doc(src_text: str, *, extra: int = 6) -> Document:
    """Pasal 1..extra fillers, then 'target' (Pasal extra+1: two ayat, a list), then 'src'."""
    fillers = [sec(f"isi{i}", f"Isi {i}.") for i in range(1, extra + 1)]
    target = sec("target", "[#satu] Satu.\n[#dua] Dua:\n- [#butir_a] butir a\n- butir b")
    return doc(*fillers, target, sec("src", src_text))


def last_line(d: Document) -> str:
    return plain_text(number(d)).splitlines()[-1]


def test_local_ayat_reference() -> None:
    d = referencing_doc(f"[#awal] Awal.\nSebagaimana dimaksud {ref('awal')}.")
    assert last_line(d) == "(2) Sebagaimana dimaksud pada ayat (1)."


def test_other_pasal_reference() -> None:
    d = referencing_doc(f"Sebagaimana dimaksud {ref('target')}.")
    assert last_line(d) == "Sebagaimana dimaksud dalam Pasal 7."


def test_other_pasal_ayat_reference() -> None:
    d = referencing_doc(f"Sebagaimana dimaksud {ref('target.dua')}.")
    assert last_line(d) == "Sebagaimana dimaksud dalam Pasal 7 ayat (2)."


def test_other_pasal_item_reference() -> None:
    d = referencing_doc(f"Sebagaimana dimaksud {ref('target.butir_a')}.")
    assert last_line(d) == "Sebagaimana dimaksud dalam Pasal 7 ayat (2) huruf a."


def test_bare_reference() -> None:
    d = referencing_doc(f"Ketentuan {nomor('target')} berlaku.")
    assert last_line(d) == "Ketentuan Pasal 7 berlaku."


def test_two_local_references_in_order() -> None:
    d = referencing_doc(f"[#a] Satu.\n[#b] Dua.\nSebagaimana dimaksud {ref('b', 'a')}.")
    assert last_line(d) == "(3) Sebagaimana dimaksud pada ayat (1) dan ayat (2)."


def test_local_reference_before_other_pasal() -> None:
    d = referencing_doc(f"[#a] Satu.\nSebagaimana dimaksud {ref('target', 'a')}.")
    assert last_line(d) == "(2) Sebagaimana dimaksud pada ayat (1) dan Pasal 7."


def test_local_list_item_reference() -> None:
    d = referencing_doc(f"Meliputi:\n- [#x] satu\n- dua\nSebagaimana dimaksud {ref('x')}.")
    assert last_line(d) == "(2) Sebagaimana dimaksud pada ayat (1) huruf a."


def test_front_matter_reference_to_its_own_item() -> None:
    front = sec("konsiderans", f"Menimbang:\n- [#c] satu\n- berdasarkan {ref('c')}", pasal=False)
    out = number(doc(sec("p", "Isi."), front=[front]))
    assert text_of(out.front[0].paragraphs[0].list.items[1].content) == "berdasarkan pada huruf a."


def test_removing_a_pasal_renumbers_and_references_follow() -> None:
    d = referencing_doc(f"Sebagaimana dimaksud {ref('target.dua')} dan {nomor('target')}.")
    assert last_line(d) == "Sebagaimana dimaksud dalam Pasal 7 ayat (2) dan Pasal 7."
    d.pasal = [s for s in d.pasal if s.id not in ("isi2", "isi5")]
    out = number(d)
    assert [s.number for s in out.pasal] == [1, 2, 3, 4, 5, 6]
    assert [s.id for s in out.pasal][-2:] == ["target", "src"]
    assert last_line(d) == "Sebagaimana dimaksud dalam Pasal 5 ayat (2) dan Pasal 5."


def test_reference_to_absent_id_raises() -> None:
    d = referencing_doc(f"Sebagaimana dimaksud {ref('tidak_ada')}.")
    with pytest.raises(CrossReferenceError, match="tidak_ada"):
        number(d)


def test_reference_to_removed_pasal_raises() -> None:
    d = referencing_doc(f"Sebagaimana dimaksud {nomor('target')}.")
    d.pasal = [s for s in d.pasal if s.id != "target"]
    with pytest.raises(CrossReferenceError, match="target"):
        number(d)


def test_local_reference_in_unnumbered_pasal_raises() -> None:
    # a Pasal of one paragraph has no ayat (1) to point at
    with pytest.raises(CrossReferenceError):
        number(doc(sec("x", f"[#a] Sebagaimana dimaksud {ref('a')}.")))


def test_number_does_not_mutate_its_input() -> None:
    d = referencing_doc(f"[#a] Satu.\nMeliputi {ref('a')}:\n- satu\n  - x\n- dua")
    before = copy.deepcopy(d)
    out = number(d)
    assert d == before
    assert all(s.number is None for s in d.pasal)
    src = d.pasal[-1]
    assert [p.label for p in src.paragraphs] == ["", ""]
    assert any(isinstance(x, Ref) for x in src.paragraphs[1].content)
    assert [i.label for i in src.paragraphs[1].list.items] == ["", ""]
    assert text_of(src.paragraphs[1].list.items[1].content) == "dua"
    # while the result has everything filled in
    osrc = out.pasal[-1]
    assert osrc.number == 8
    assert text_of(osrc.paragraphs[1].content) == "Meliputi pada ayat (1):"
    assert text_of(osrc.paragraphs[1].list.items[1].content) == "dua."
    assert out is not d


def test_numbering_twice_gives_the_same_result() -> None:
    d = referencing_doc(f"[#a] Satu.\nLihat {ref('a', 'target.dua')}:\n- satu\n- dua")
    assert number(d) == number(d)
