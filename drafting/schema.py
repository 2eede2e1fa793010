"""The input's JSON Schema as a drafter's editor shows it: Indonesian titles for every field and
part, the model's Indonesian descriptions (``model.py``), and for the English text of a bilingual
naskah (``english.*``) the description of the Indonesian field it translates.

pydantic titles a field from its name ("Party Label") and a part from its class name and
docstring, which are written for programmers in English; here those titles are replaced, and the
docstrings left to the code. ``tests/test_schema.py`` fails on a field without a title or a
description.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode
from pydantic_core import CoreSchema

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# The parts of an input (a model's $defs entry).
PARTS: dict[str, str] = {
    "Agreement": "Isian naskah kerja sama", "AdendumInput": "Adendum",
    "Annex": "Lampiran", "ClauseChoice": "Pilihan klausul", "Coordination": "Koordinasi dengan Kementerian Luar Negeri",
    "Correspondence": "Korespondensi", "DataExchange": "Pertukaran data", "DataFlow": "Aliran data",
    "DataProtection": "Pelindungan data pribadi", "Definition": "Definisi", "Domicile": "Domisili hukum",
    "English": "Teks bahasa Inggris", "ExtraPasal": "Pasal tambahan", "Foreign": "Kerja Sama luar negeri",
    "IntellectualProperty": "Hak kekayaan intelektual", "Kind": "Jenis naskah", "ListItem": "Butir bertingkat",
    "MitraType": "Jenis mitra", "Monitoring": "Pemantauan dan evaluasi", "Network": "Jaringan komunikasi data",
    "Party": "Pihak", "PriorAgreement": "Naskah terdahulu", "Purpose": "Maksud dan tujuan",
    "Renewal": "Naskah yang diperpanjang", "Representative": "Penandatangan", "SignerLevel": "Tingkat penandatangan",
    "Signing": "Penandatanganan", "Style": "Gaya naskah", "TechnicalTeam": "Tim teknis", "Term": "Jangka waktu",
    "Termination": "Pengakhiran", "ThirdParties": "Pihak ketiga", "Regulation": "Peraturan perundang-undangan",
    "Amendment": "Peraturan yang mengubahnya", "Promulgation": "Tempat pengundangan",
}
# An English part translates the Indonesian part of its name; these two are named otherwise.
ENGLISH_OF = {"English": "Agreement", "EnglishPrior": "Renewal"}

# Field titles by name, and by "Part.name" where one name means different things in two parts.
TITLES: dict[str, str] = {
    "abbreviation": "Singkatan", "adendum": "Adendum", "beberapa_kali": "Telah beberapa kali diubah",
    "diundangkan": "Diundangkan dalam", "jenis": "Jenis peraturan", "lembaran": "Lembaran Negara/Berita Negara/Lembaran Daerah",
    "perubahan": "Diubah dengan", "tambahan": "Nomor Tambahan Lembaran Negara", "tahun": "Tahun",
    "BaseRegulation.nomor": "Nomor peraturan", "Regulation.nomor": "Nomor peraturan", "Amendment.nomor": "Nomor peraturan",
    "Promulgation.nomor": "Nomor Lembaran Negara/Berita Negara", "Promulgation.tahun": "Tahun Lembaran Negara/Berita Negara", "reason": "Alasan perubahan",
    "representatives": "Penandatangan adendum", "AdendumInput.numbers": "Nomor adendum",
    "AdendumInput.signing": "Penandatanganan adendum",
    "replaces": "Menggantikan klausul", "texts": "Teks bagian pembuka sebagaimana naskah asal", "acting_for": "Atas nama", "acting_for_basis": "Dasar bertindak atas nama",
    "address": "Alamat", "addressee": "Ditujukan kepada (u.p.)", "after": "Sesudah klausul", "annexes": "Lampiran",
    "appointment": "Dasar pengangkatan", "arbitration_place": "Tempat arbitrase", "basis": "Dasar pemrosesan",
    "before": "Sebelum klausul", "biro_recommendation": "Rekomendasi Biro Hukum dan Kerja Sama",
    "capacity_building": "Peningkatan kapasitas", "clauses": "Pilihan klausul", "controller": "Pengendali data",
    "coordination": "Koordinasi dengan Kementerian Luar Negeri", "correspondence": "Korespondensi",
    "court": "Pengadilan negeri", "cure_days": "Hari kerja untuk memperbaiki pelanggaran", "data": "Data yang diterima",
    "data_exchange": "Pertukaran data", "date": "Tanggal", "definitions": "Ketentuan umum (definisi)",
    "domicile": "Hukum yang berlaku dan domisili hukum", "draft": "Draf", "duties": "Tugas dan tanggung jawab",
    "email": "Surel", "end": "Tanggal berakhir", "end_date": "Tanggal berakhir", "english": "Teks bahasa Inggris",
    "english_parties": "Sebutan para pihak dalam bahasa Inggris", "exclude": "Klausul yang tidak dipakai",
    "extra_pasal": "Pasal tambahan", "financing": "Pembiayaan", "first": "Menjadi Pasal 1",
    "flows": "Aliran data", "foreign": "Kerja Sama luar negeri", "forms": "Bentuk kerja sama", "id": "Nama rujukan",
    "intellectual_property": "Hak kekayaan intelektual", "items": "Butir", "jumat": "Ejaan hari Jumat",
    "kind": "Jenis naskah", "kinds": "Pihak ketiga yang dapat diikutsertakan", "layout": "Tata letak dwibahasa",
    "legal_basis": "Dasar hukum", "legal_status": "Kedudukan pihak", "library": "Pustaka unit",
    "list_levels": "Urutan label daftar", "maksud": "Maksud", "meaning": "Arti", "mechanism": "Mekanisme",
    "meterai": "Meterai", "mitra_type": "Jenis mitra", "monitoring": "Pemantauan dan evaluasi",
    "month": "Bulan penandatanganan", "Party.name": "Nama instansi", "Representative.name": "Nama penandatangan",
    "naskah": "Sebutan naskah", "network": "Jaringan komunikasi data", "nip": "NIP", "nomor": "Nomor naskah pihak",
    "non_binding": "Tidak mengikat secara hukum", "nota_kesepahaman": "Nota Kesepahaman yang dilaksanakan",
    "notice_months": "Pemberitahuan pengakhiran (bulan)", "numbers": "Nomor naskah", "Style.numbers": "Nomor pada judul",
    "numbers_place": "Letak nomor pada judul", "obligations": "Kewajiban", "opening_case": "Huruf tanggal pada pembuka",
    "opening_commas": "Koma pada tanggal pembuka", "opening_digits": "Tanggal dalam angka pada pembuka",
    "opening_place": "Tempat pada kalimat pembuka", "originals": "Rangkap", "outcome": "Hasil koordinasi",
    "owner": "Pemilik", "paper": "Ukuran kertas", "paraf": "Kotak paraf", "paragraphs": "Ayat",
    "parent": "Instansi induk", "parent_join": "Sambungan dengan instansi induk", "parties": "Para pihak",
    "party_block": "Bentuk komparisi", "party_label": "Sebutan pihak", "party_lines": "Baris komparisi",
    "pejabat_penghubung": "Pejabat penghubung", "per_years": "Dalam sekian tahun",
    "personal_data": "Memuat data pribadi", "phone": "Telepon", "place": "Tempat penandatanganan",
    "position": "Jabatan", "prevailing_text": "Teks yang berlaku", "processor": "Prosesor data",
    "protection": "Pelindungan data pribadi", "provider": "Pihak pemberi", "purpose": "Maksud dan tujuan",
    "receiver": "Pihak penerima", "recital_leads": "Kata awal pertimbangan", "recitals": "Konsiderans tambahan",
    "record": "Catatan koordinasi", "renewal": "Naskah yang diperpanjang", "report_months": "Laporan berkala (bulan)",
    "representative": "Penandatangan", "results": "Hasil kerja sama", "retention_years": "Masa retensi (tahun)",
    "rights": "Hak", "scope": "Ruang lingkup", "short_name": "Nama singkat", "signer_level": "Tingkat penandatangan",
    "signing": "Penandatanganan", "start": "Tanggal mulai", "style": "Gaya naskah", "tasks": "Tugas tim teknis",
    "technical_basis": "Dasar PKS tanpa Nota Kesepahaman", "technical_team": "Tim teknis",
    "technology": "Teknologi", "tentang": "Tentang", "term": "Jangka waktu", "Definition.term": "Istilah",
    "termination": "Pengakhiran", "text": "Teks", "ExtraPasal.text": "Isi pasal (format klausul)",
    "third_parties": "Pihak ketiga", "times": "Sekian kali", "title": "Judul", "Annex.title": "Judul lampiran",
    "ExtraPasal.title": "Judul pasal", "title_date": "Baris tanggal pada judul", "titles": "Judul pasal pengganti",
    "tujuan": "Tujuan", "units": "Unit pelaksana", "variants": "Varian klausul",
    "work_plan_months": "Rencana kerja (bulan)", "yang_berkedudukan": "'yang berkedudukan'",
    "yang_selanjutnya": "'yang selanjutnya disebut'", "year": "Tahun penandatanganan", "years": "Lama (tahun)",
}


def title(part: str, name: str) -> str | None:
    return TITLES.get(f"{part}.{name}", TITLES.get(name))


class IndonesianSchema(GenerateJsonSchema):
    def generate(self, schema: CoreSchema, mode: JsonSchemaMode = "validation") -> dict[str, Any]:
        out = super().generate(schema, mode)
        defs = out.get("$defs", {})
        parts = {"Agreement": out, **defs}
        for name, part in parts.items():
            english = name.startswith("English")
            base = ENGLISH_OF.get(name, name.removeprefix("English"))
            original = parts.get(base, {})
            part.pop("description", None)  # a docstring, for programmers
            # a part or field without an Indonesian title keeps pydantic's: tests/test_schema.py names it
            if name in PARTS or base in PARTS:
                part["title"] = PARTS[name] if name in PARTS else f"{PARTS[base]} (bahasa Inggris)"
            for field, prop in part.get("properties", {}).items():
                named = title(base, field)
                if named:
                    prop["title"] = f"{named} (bahasa Inggris)" if english else named
                if english and "description" not in prop:
                    said = original.get("properties", {}).get(field, {}).get("description")
                    prop["description"] = (f"Teks bahasa Inggris dari '{field}' pada isian bahasa Indonesia"
                                           + (f": {said}" if said else "."))
        return {"$schema": DIALECT, **out}
