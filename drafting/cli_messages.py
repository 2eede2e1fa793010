"""click's own words in Indonesian: usage errors, help headings, ``--help`` and ``--version``.

click marks every sentence it prints for translation with gettext: each of its modules does
``from gettext import gettext as _`` (and ``ngettext``). Reaching those through gettext's own
catalogues would need the process's locale set to Indonesian, which would also change what
pandoc and LibreOffice run with; so ``install`` gives click's modules the lookup of the catalogue
below instead. The words that are not sentences (the metavar of a type, ``[OPTIONS]`` in the usage
line) are set where click keeps them. ``tests/test_cli_messages.py`` reads click's source and fails
when a click release adds a sentence that has no translation here.
"""

from __future__ import annotations

import importlib
import re

import click
from click.formatting import HelpFormatter

# click's message -> Indonesian. Placeholders ({name}, %(prog)s …) are kept as they are.
CATALOGUE: dict[str, str] = {
    # core
    "Aborted!": "Dibatalkan.",
    "deprecated": "usang",
    "Missing command.": "Perintah belum disebutkan.",
    "Options": "Opsi",
    "Positional arguments": "Argumen",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "Peringatan: perintah {name!r} sudah usang.{extra_message}",
    "Got unexpected extra argument ({args})": "Ada argumen yang tidak diharapkan ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen yang tidak diharapkan ({args})",
    "Commands": "Perintah",
    "Value must be an iterable.": "Nilai harus berupa daftar.",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "Peringatan: {param_type} {name!r} sudah usang.{extra_message}",
    "Could not determine name for option with declarations {decls!r}":
        "Nama opsi tidak dapat ditentukan dari {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?":
        "Tidak ada opsi, tetapi sebuah nama diberikan ({name}). Maksudnya sebuah argumen? Atau '--{name}'?",
    "env var: {var}": "variabel lingkungan: {var}",
    "default: {default}": "bawaan: {default}",
    "required": "wajib",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "Argumen dideklarasikan dengan tepat satu nama, bukan {length}: {decls}.",
    "(dynamic)": "(dinamis)",
    "Name '{name}' defined twice": "Nama '{name}' didefinisikan dua kali",
    "Takes {nargs} values but 1 was given.": "Memerlukan {nargs} nilai, tetapi diberikan 1.",
    "Takes {nargs} values but {len} were given.": "Memerlukan {nargs} nilai, tetapi diberikan {len}.",
    "Boolean option {decl!r} cannot use the same flag for true/false.":
        "Opsi benar/salah {decl!r} tidak dapat memakai penanda yang sama untuk benar dan salah.",
    # decorators
    "Do you want to continue?": "Lanjutkan?",
    "Confirm the action without prompting.": "Lakukan tanpa meminta konfirmasi.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Show this message and exit.": "Tampilkan pesan ini lalu keluar.",
    # exceptions
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "Missing argument": "Argumen belum diberikan",
    "Missing option": "Opsi belum diberikan",
    "Missing parameter": "Parameter belum diberikan",
    "Missing {param_type}": "{param_type} belum diberikan",
    "Missing parameter: {param_name}": "Parameter belum diberikan: {param_name}",
    "unknown error": "galat tidak dikenal",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Could not open file {filename!r}: {message}": "Berkas {filename!r} tidak dapat dibuka: {message}",
    "Error: {message}": "Galat: {message}",
    "Try '{command} {option}' for help.": "Lihat '{command} {option}' untuk bantuan.",
    "No such option {name!r}.": "Tidak ada opsi {name!r}.",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
    # formatting
    "Usage:": "Penggunaan:",
    # parser
    "Invalid start character for option ({option})": "Karakter awal opsi tidak sah ({option})",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "Argument {name!r} takes {nargs} values.": "Argumen {name!r} memerlukan {nargs} nilai.",
    # types
    "file": "berkas",
    "directory": "folder",
    "path": "jalur",
    "Choose from:\n\t{choices}": "Pilih salah satu:\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "Choice({choices})": "Pilihan({choices})",
    "{value!r} does not match the format {format}.": "{value!r} tidak sesuai dengan format {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} tidak sesuai dengan format {formats}.",
    "{value} is not in the range {range}.": "{value} tidak dalam rentang {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} bukan nilai benar/salah. Yang dikenal: {states}",
    "{len_type} values are required, but {len_value} was given.":
        "Diperlukan {len_type} nilai, tetapi diberikan {len_value}.",
    "{len_type} values are required, but {len_value} were given.":
        "Diperlukan {len_type} nilai, tetapi diberikan {len_value}.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value!r} is not a valid UUID.": "{value!r} bukan UUID yang sah.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder, bukan berkas.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} tidak dapat dijalankan.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    # shell_completion, utils, termui
    "Couldn't detect Bash version, shell completion is not supported.":
        "Versi Bash tidak terdeteksi; pelengkapan perintah tidak didukung.",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Pelengkapan perintah tidak didukung untuk Bash sebelum versi 4.4.",
    "{editor}: Editing failed": "{editor}: penyuntingan gagal",
    "{editor}: Editing failed: {e}": "{editor}: penyuntingan gagal: {e}",
    "d": "h",  # days, in a progress bar's time left
    "Unknown standard stream '{name}'": "Aliran standar '{name}' tidak dikenal",
    "Press any key to continue...": "Tekan tombol apa saja untuk melanjutkan …",
    "Repeat for confirmation": "Ulangi untuk konfirmasi",
    "Error: The two entered values do not match.": "Galat: kedua nilai yang dimasukkan tidak sama.",
    "Unknown color {colour!r}": "Warna {colour!r} tidak dikenal",
    "Error: invalid input": "Galat: masukan tidak sah",
}

# What a type is called in a message ("'x' bukan bilangan yang sah") and, upper-cased, in help.
TYPE_NAMES: dict[type[click.ParamType], str] = {
    click.types.StringParamType: "teks",
    click.types.IntParamType: "bilangan",
    click.types.IntRange: "bilangan",
    click.types.FloatParamType: "pecahan",
    click.types.FloatRange: "pecahan",
    click.types.BoolParamType: "benar/salah",
    click.types.DateTime: "tanggal",
    click.types.File: "berkas",
}

# The words of the usage line that click keeps as plain attributes, not gettext messages.
USAGE_WORDS = {"[OPTIONS]": "[OPSI]", "COMMAND [ARGS]...": "PERINTAH [ARGUMEN]...", "[ARGS]...": "[ARGUMEN]..."}
_USAGE = re.compile("|".join(re.escape(w) for w in USAGE_WORDS))

MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "utils", "termui",
           "_termui_impl", "shell_completion")


def gettext(message: str) -> str:
    return CATALOGUE.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


class HelpFormatterID(HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, _USAGE.sub(lambda m: USAGE_WORDS[m.group()], args), prefix)


def install() -> None:
    """click speaks Indonesian from here on, in this process. Call before the commands are
    declared: some words (a type's name, ``--version``'s help) are taken when they are."""
    for name in MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    for cls, word in TYPE_NAMES.items():
        cls.name = word
    click.Context.formatter_class = HelpFormatterID
