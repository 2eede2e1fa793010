"""The change model (drafting.redline.changes) on small numbered documents: Pasal inserted,
deleted, changed, moved; ayat and list items inserted and deleted; words; renumbering that is no
change; the front matter and the signature block; and the HTML page written from it."""

from __future__ import annotations

from typing import Any

import pytest

from drafting import library
from drafting.document import Document, Item, ItemList, Line, PageOptions, Paragraph, Run, Section, Signatory
from drafting.load import validate
from drafting.numbering import number
from drafting.pipeline import build
from drafting.redline.changes import Change, align, compare, neighbours
from drafting.redline.html import redline_html
from drafting.redline.tree import Node
from drafting.redline.words import diff, tokens


def para(text: str, *items: str | Item, id: str | None = None, bold: bool = False) -> Paragraph:
    listed = ItemList([i if isinstance(i, Item) else Item([Run(i)]) for i in items]) if items else None
    return Paragraph([Run(text, bold=bold)], listed, id)


def item(text: str, *items: str, id: str | None = None) -> Item:
    return Item([Run(text)], ItemList([Item([Run(i)]) for i in items]) if items else None, id)


def pasal(id: str, *paragraphs: Paragraph, title: str = "") -> Section:
    return Section(id, list(paragraphs), title or id.upper())


def doc(*sections: Section, title: tuple[str, ...] = ("PERJANJIAN KERJA SAMA",), numbers: tuple[str, ...] = ("1/2025",),
        front: tuple[Section, ...] = (), signatories: tuple[Signatory, ...] = ()) -> Document:
    lines = [Line((Run(t),)) for t in title] + [Line((Run(f"NOMOR : {n}"),), "nomor") for n in numbers]
    lib = library.shipped()
    page = PageOptions(lib.template("perjanjian_kerja_sama").docx_path())
    return number(Document("perjanjian_kerja_sama", "Perjanjian Kerja Sama", lines, list(front), list(sections), [],
                           list(signatories), [], page, lib.words))


def signatory(label: str, name: str, position: str = "Direktur Utama", meterai: bool = True) -> Signatory:
    """A signature as the shipped template writes one: label, position, meterai, name."""
    return Signatory(label, name, (Line((Run(f"{label},", bold=True),), "pihak"), Line((Run(position),), "jabatan"),
                                   *((Line((Run("Meterai Rp10.000"),), "meterai"),) if meterai else ()),
                                   Line((Run(name, bold=True),), "nama")))


BASE = (pasal("umum", para("Dalam Perjanjian ini yang dimaksud dengan:", "Data adalah keterangan.",
                           "Sistem adalah perangkat.")),
        pasal("lingkup", para("Ruang lingkup meliputi:", "pertukaran data", "peningkatan kapasitas")),
        pasal("jangka", para("Perjanjian berlaku 5 (lima) tahun.", id="berlaku"),
              para("Perjanjian dapat diperpanjang."), para("Perjanjian dapat diakhiri.")),
        pasal("penutup", para("Perjanjian dibuat rangkap 2 (dua).")))


def ops(changes: tuple[Change, ...] | list[Change]) -> list[tuple[str, str]]:
    return [(c.op, c.key or c.node.text) for c in changes]


def test_same_documents_are_equal_everywhere() -> None:
    c = compare(doc(*BASE), doc(*BASE))
    assert not c.changed and all(p.op == "equal" for p in c.parts())
    assert not any(p.renumbered for p in c.pasal)


def test_a_pasal_inserted_early_renumbers_the_rest_without_changing_them() -> None:
    new = doc(BASE[0], pasal("data", para("Data dipertukarkan secara elektronik.")), *BASE[1:])
    c = compare(doc(*BASE), new)
    assert ops(c.pasal) == [("equal", "umum"), ("inserted", "data"), ("equal", "lingkup"), ("equal", "jangka"),
                            ("equal", "penutup")]
    assert [(p.old.label, p.new.label) for p in c.pasal if p.renumbered] == [
        ("Pasal 2", "Pasal 3"), ("Pasal 3", "Pasal 4"), ("Pasal 4", "Pasal 5")]
    # where the new Pasal goes in the old numbering: between Pasal 1 and Pasal 2
    before, after = neighbours(c.pasal, 1)
    assert (before.label, after.label) == ("Pasal 1", "Pasal 2")
    # only the inserted Pasal differs; the title block, numbers and signatures are equal
    assert [p.key for p in c.parts() if p.op != "equal"] == ["data"]


def test_a_pasal_deleted_and_its_place() -> None:
    c = compare(doc(*BASE), doc(BASE[0], *BASE[2:]))
    assert ops(c.pasal) == [("equal", "umum"), ("deleted", "lingkup"), ("equal", "jangka"), ("equal", "penutup")]
    deleted = c.pasal[1]
    assert deleted.old.label == "Pasal 2" and deleted.new is None
    assert [x.op for x in deleted.children] == ["deleted"]  # its paragraph (and below it, its two items)
    assert [x.op for x in deleted.children[0].children] == ["deleted"] * 2


def test_a_changed_ayat_is_found_by_its_anchor_and_its_words() -> None:
    changed = pasal("jangka", para("Perjanjian berlaku 7 (tujuh) tahun sejak ditandatangani.", id="berlaku"),
                    *BASE[2].paragraphs[1:])
    c = compare(doc(*BASE), doc(*BASE[:2], changed, BASE[3]))
    jangka = c.pasal[2]
    assert jangka.op == "changed" and not jangka.text_changed  # the title is the same
    [ayat] = jangka.changes()
    assert (ayat.kind, ayat.old.label, ayat.op) == ("paragraph", "(1)", "changed")
    assert [(p.op, p.text) for p in ayat.words] == [
        ("equal", "Perjanjian berlaku "), ("deleted", "5 (lima"), ("inserted", "7 (tujuh"), ("equal", ") tahun"),
        ("inserted", " sejak ditandatangani"), ("equal", ".")]


def test_an_ayat_inserted_between_two_keeps_the_others_paired() -> None:
    ayat = list(BASE[2].paragraphs)
    ayat.insert(1, para("Perpanjangan dilakukan dengan adendum."))
    c = compare(doc(*BASE), doc(*BASE[:2], pasal("jangka", *ayat), BASE[3]))
    jangka = c.pasal[2]
    assert [(x.op, x.old.label if x.old else "", x.new.label) for x in jangka.children] == [
        ("equal", "(1)", "(1)"), ("inserted", "", "(2)"), ("equal", "(2)", "(3)"), ("equal", "(3)", "(4)")]
    before, after = neighbours(jangka.children, 1)
    assert (before.label, after.label) == ("(1)", "(2)")  # "di antara ayat (1) dan ayat (2)"


def test_a_single_paragraph_becoming_two_ayat_is_a_new_ayat_not_a_changed_one() -> None:
    two = pasal("penutup", BASE[3].paragraphs[0], para("Perjanjian berlaku sejak ditandatangani."))
    c = compare(doc(*BASE), doc(*BASE[:3], two))
    first, second = c.pasal[3].children
    assert (first.op, first.old.label, first.new.label, first.renumbered) == ("equal", "", "(1)", True)
    assert (second.op, second.new.label) == ("inserted", "(2)")


def test_list_items_inserted_deleted_and_relabelled() -> None:
    new_lingkup = pasal("lingkup", para("Ruang lingkup meliputi:", "pertukaran data", "pemanfaatan data",
                                        "peningkatan kapasitas"))
    c = compare(doc(*BASE), doc(BASE[0], new_lingkup, *BASE[2:]))
    [ayat] = c.pasal[1].children
    assert [(x.op, x.old.label if x.old else "", x.new.label) for x in ayat.children] == [
        ("changed", "a.", "a."), ("inserted", "", "b."), ("equal", "b.", "c.")]
    # the list's punctuation moved: "; dan" now ends the second item, not the first — words only
    assert [(p.op, p.text) for p in ayat.children[0].words] == [
        ("equal", "pertukaran data;"), ("deleted", " dan")]
    gone = compare(doc(BASE[0], new_lingkup, *BASE[2:]), doc(*BASE))
    assert [x.op for x in gone.pasal[1].children[0].children] == ["changed", "deleted", "equal"]


def test_a_changed_definition_in_ketentuan_umum() -> None:
    umum = pasal("umum", para("Dalam Perjanjian ini yang dimaksud dengan:", "Data adalah keterangan perseorangan.",
                              "Sistem adalah perangkat."))
    c = compare(doc(*BASE), doc(umum, *BASE[1:]))
    # the list's paragraph is "changed" (something below it is), its own text is not
    assert [(x.kind, x.text_changed) for x in c.pasal[0].changes()] == [("paragraph", False), ("item", True)]
    definition = list(c.pasal[0].changes())[1]
    assert (definition.kind, definition.old.label, definition.op) == ("item", "a.", "changed")
    assert [p.op for p in definition.words] == ["equal", "inserted", "equal"]


def test_nested_items_are_compared_below_their_item() -> None:
    old = doc(pasal("data", para("Data meliputi:", item("identitas", "nama", "tanggal lahir"), "alamat")))
    new = doc(pasal("data", para("Data meliputi:", item("identitas", "nama", "tempat lahir", "tanggal lahir"),
                                 "alamat")))
    [changed] = compare(old, new).pasal
    outer = changed.children[0].children[0]
    assert outer.op == "changed" and not outer.text_changed
    # "; dan" moves from "nama" to the new second-to-last item
    assert [(x.op, x.node.text) for x in outer.children] == [
        ("changed", "nama;"), ("inserted", "tempat lahir; dan"), ("equal", "tanggal lahir; dan")]


def test_anchors_pair_paragraphs_whatever_their_text_and_unanchored_ones_pair_by_likeness() -> None:
    old = [Node("paragraph", "a", None), Node("paragraph", "", None), Node("paragraph", "b", None)]
    new = [Node("paragraph", "b", None), Node("paragraph", "a", None)]
    # "a" and "b" swapped: one stays paired, the other is deleted and inserted elsewhere
    pairs = [(o.key if o else None, n.key if n else None) for o, n in align(old, new)]
    assert pairs.count(("a", "a")) + pairs.count(("b", "b")) == 1 and len(pairs) == 4
    text_old = doc(pasal("x", para("Para pihak bertukar data kependudukan."), para("Biaya ditanggung masing-masing.")))
    text_new = doc(pasal("x", para("Para pihak bertukar data kependudukan dan keimigrasian."),
                         para("Sengketa diselesaikan secara musyawarah."), para("Biaya ditanggung masing-masing.")))
    assert [x.op for x in compare(text_old, text_new).pasal[0].children] == ["changed", "inserted", "equal"]


def test_a_pasal_moved_elsewhere_is_deleted_there_and_inserted_here() -> None:
    c = compare(doc(*BASE), doc(BASE[1], BASE[0], *BASE[2:]))
    assert sorted(ops(c.pasal)) == sorted([("deleted", "umum"), ("equal", "lingkup"), ("inserted", "umum"),
                                           ("equal", "jangka"), ("equal", "penutup")]) or \
        sorted(ops(c.pasal)) == sorted([("deleted", "lingkup"), ("equal", "umum"), ("inserted", "lingkup"),
                                        ("equal", "jangka"), ("equal", "penutup")])


def test_a_title_change_is_a_text_change_of_the_pasal() -> None:
    c = compare(doc(*BASE), doc(BASE[0], pasal("lingkup", *BASE[1].paragraphs, title="OBJEK"), *BASE[2:]))
    assert c.pasal[1].op == "changed" and c.pasal[1].text_changed
    assert [(p.op, p.text) for p in c.pasal[1].words] == [("deleted", "LINGKUP"), ("inserted", "OBJEK")]


def test_front_matter_and_signatures_are_compared() -> None:
    signer = signatory("PIHAK PERTAMA", "ANGGORO EKO CAHYO")
    opening = Section("pembukaan", [para("Pada hari ini Senin tanggal satu.")], pasal=False)
    old = doc(*BASE, numbers=("PER/188/062023", "IMI-0158"), front=(opening,), signatories=(signer,))
    new = doc(*BASE, title=("PERJANJIAN KERJA SAMA", "TENTANG DATA"), numbers=("……………", "IMI-0158"),
              front=(Section("pembukaan", [para("Pada hari ini ……………")], pasal=False),),
              signatories=(signatory("PIHAK PERTAMA", "POMPANUS"),))
    c = compare(old, new)
    judul, pembukaan = c.front
    # the title lines by their text, the number lines by their place among the number lines
    assert (judul.key, judul.op) == ("judul", "changed")
    assert [(x.key, x.op) for x in judul.children] == [
        ("", "equal"), ("", "inserted"), ("nomor:0", "changed"), ("nomor:1", "equal")]
    assert [(p.op, p.text) for p in judul.children[2].words] == [
        ("equal", "NOMOR : "), ("deleted", "PER/188/062023"), ("inserted", "……………")]
    assert pembukaan.op == "changed" and pembukaan.node.title == "Pembukaan"
    [party] = c.signatures.children
    assert [(x.key, x.op) for x in party.children] == [
        ("pihak:0", "equal"), ("jabatan:0", "equal"), ("meterai:0", "equal"), ("nama:0", "changed")]


def test_word_pieces_keep_formatting_and_fold_slight_equal_stretches() -> None:
    pieces = diff(tokens([Run("Ditandatangani oleh "), Run("SILMY KARIM", bold=True)]),
                  tokens([Run("Ditandatangani oleh "), Run("JOKO WIDODO", bold=True)]))
    assert [(p.op, p.content) for p in pieces] == [
        ("equal", (Run("Ditandatangani oleh "),)), ("deleted", (Run("SILMY KARIM", bold=True),)),
        ("inserted", (Run("JOKO WIDODO", bold=True),))]
    # a number is one word: PER/188/062023 is replaced whole, not digit group by digit group
    assert [p.text for p in diff(tokens([Run("Nomor PER/164/082018")]), tokens([Run("Nomor PER/188/062023")]))] == [
        "Nomor ", "PER/164/082018", "PER/188/062023"]
    # bold to plain is a change of the word
    assert [p.op for p in diff(tokens([Run("PIHAK", bold=True)]), tokens([Run("PIHAK")]))] == ["deleted", "inserted"]


def test_the_html_page_marks_words_escapes_text_and_names_renumbering() -> None:
    old = doc(BASE[0], pasal("x", para("a <b> c & d")))
    new = doc(BASE[0], pasal("baru", para("Pasal baru.")), pasal("x", para("a <b> e & d")))
    page = redline_html(compare(old, new), title="A & <B>")
    assert "<title>A &amp; &lt;B&gt;</title>" in page and "<b>" not in page
    assert '<p class="Isi">a &lt;b&gt; <del>c</del><ins>e</ins> &amp; d</p>' in page
    assert "<h2>Pasal 3 X (semula Pasal 2 X) <small>(berubah)</small></h2>" in page
    assert '<section class="baru"><h2>Pasal 2 BARU <small>(bagian baru)</small></h2>' in page
    assert "2 dari 5 bagian berubah" in page  # the new Pasal and the changed one


def test_renumbered_pasal_are_equal_in_a_real_agreement(bpjs_data: dict[str, Any]) -> None:
    """The BPJS PKS with one more Pasal early on (an extra_pasal after Pasal 2): every later Pasal
    keeps its partner and is equal, though its number and the cross-references to it move."""
    old = build(validate(bpjs_data))
    bpjs_data["extra_pasal"] = [{"title": "KOORDINASI", "after": "maksud_tujuan",
                                 "paragraphs": ["PARA PIHAK berkoordinasi secara berkala."]}]
    new = build(validate(bpjs_data))
    c = compare(old, new)
    assert [p.op for p in c.pasal].count("inserted") == 1 and sum(p.renumbered for p in c.pasal) == 14
    changed = [p for p in c.pasal if p.op == "changed"]
    # a Pasal that refers to a later Pasal reads the new number: that is a change of words only
    for p in changed:
        for x in p.changes():
            assert x.op == "changed" and {w.text for w in x.words if w.op != "equal"} <= {
                str(n) for n in range(1, 30)}, (p.key, [w.text for w in x.words])


def test_extra_pasal_without_ids_pair_by_text_not_by_place(bpjs_data: dict[str, Any]) -> None:
    """Extra Pasal without an id are named by their place; removing the first must not make every
    later one "changed" into its neighbour."""
    bpjs_data["extra_pasal"] = [{"title": f"KEGIATAN {n}", "after": "pembiayaan",
                                 "text": f"PARA PIHAK melaksanakan kegiatan {n} setiap tahun."} for n in "ABCD"]
    old = build(validate(bpjs_data))
    del bpjs_data["extra_pasal"][0]
    bpjs_data["extra_pasal"][2]["text"] = "PARA PIHAK melaksanakan kegiatan D setiap bulan."
    c = compare(old, build(validate(bpjs_data)))
    assert [(p.op, p.node.title.split(" ", 2)[-1]) for p in c.pasal if p.op != "equal"] == [
        ("deleted", "KEGIATAN A"), ("changed", "KEGIATAN D")]


@pytest.mark.parametrize("n", [0, 1])
def test_empty_sides(n: int) -> None:
    one = doc(*BASE[:n])
    c = compare(doc(), one)
    assert [p.op for p in c.pasal] == ["inserted"] * n
