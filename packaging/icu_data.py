"""A smaller ICU data library for the bundle: the parts of ICU's data Qt can use in Dossier.

Qt Core links ICU, and ICU's data library (``libicudata.so.NN``, 32 MB of the PySide6 wheel's
ICU 73) carries one "common data" package: every locale's names of languages, countries,
currencies, units and time zones, 150 legacy character-set tables, transliterators, number
spellings and the Chinese/Japanese/Thai/Khmer/Lao/Burmese word dictionaries. Dossier uses none
of that through Qt (it reads and decodes files with Python, formats dates and numbers itself):
what Qt asks ICU for is collation (the file dialog sorts names with QCollator), case mapping and
normalisation (compiled into libicuuc, not data), and the character-break rules.

``trim(src, dst)`` writes a library with the same name and the one exported symbol
(``icudtNN_dat``) holding the package minus those parts, assembled with binutils (``as``/``ld``,
which PyInstaller already needs). ICU looks items up by name in the package's table of contents,
so a missing item is the same "resource not found" ICU reports for a locale it has no data for:
it falls back to the root locale. Without binutils the original library is kept.

    python packaging/icu_data.py SRC DST      # writes DST, prints the sizes
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

#: a locale's own data file ("ru.res", "sr_Latn_BA.res"), as opposed to ICU's tables of facts
LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
#: locales whose data stays everywhere (root is the fallback of all; en is Qt's default)
KEPT_LOCALES = re.compile(r"^(root|en|en_US|en_GB|en_001|en_150)\.res$")
#: folders of the package left out entirely (display names, units, transliteration, spell-out)
DROPPED_FOLDERS = {"curr", "lang", "region", "unit", "zone", "translit", "rbnf"}
#: collation tailorings of the CJK languages (1.2 MB): their names then sort in root order
DROPPED_COLLATIONS = {"zh.res", "ja.res", "ko.res"}


def keep(name: str) -> bool:
    """Whether the package item ``name`` ("icudt73l/coll/ru.res") stays in the trimmed data."""
    parts = name.split("/")[1:]  # the first part is the package name
    leaf = parts[-1]
    if len(parts) == 1:
        if leaf.endswith(".cnv"):  # legacy code pages; UTF-8/16/32 and Latin-1 are built into ICU
            return False
        return not LOCALE_FILE.match(leaf) or bool(KEPT_LOCALES.match(leaf)) or leaf in {"pool.res", "res_index.res"}
    folder = parts[0]
    if folder in DROPPED_FOLDERS:
        return False
    if folder == "brkitr":
        return not leaf.endswith(".dict")  # word dictionaries of languages written without spaces
    if folder == "coll":
        return leaf not in DROPPED_COLLATIONS
    return True


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, data) items of an ICU common data package ("CmnD")."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD" or blob[8] != 0:  # little-endian
        raise ValueError("not a little-endian ICU common data package")
    toc = blob[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        name = toc[name_offset:toc.index(b"\0", name_offset)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        items.append((name, toc[data_offset:end]))
    return blob[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package with ``items`` (sorted by name, as ICU's binary search wants), 16-byte aligned."""
    items = sorted(items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    names_start = 4 + 8 * len(items)
    data_start = -(-(names_start + len(names)) // 16) * 16
    table = bytearray(struct.pack("<I", len(items)))
    body = bytearray()
    name_offset = names_start
    for name, data in items:
        table += struct.pack("<II", name_offset, data_start + len(body))
        name_offset += len(name) + 1
        body += data + b"\0" * (-len(data) % 16)
    toc = bytes(table) + names
    return header + toc + b"\0" * (data_start - len(toc)) + bytes(body)


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """Name, file offset and size of the package symbol in ``library`` (nm's view of it)."""
    listing = subprocess.run(["nm", "-D", "--defined-only", "-S", str(library)], capture_output=True, text=True,
                             check=True).stdout
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3]):
            # the package lies in the first, read-only segment, mapped at address = file offset
            return fields[3], int(fields[0], 16), int(fields[1], 16)
    raise ValueError(f"{library} exports no icudtNN_dat symbol")


def _soname(library: Path) -> str:
    dynamic = subprocess.run(["objdump", "-p", str(library)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"SONAME\s+(\S+)", dynamic)
    return match.group(1) if match else library.name


def trim(src: Path, dst: Path) -> bool:
    """Write the trimmed ``src`` library to ``dst``; False (``dst`` a plain copy) without binutils."""
    if not all(shutil.which(tool) for tool in ("nm", "objdump", "as", "ld")):
        shutil.copy2(src, dst)
        return False
    symbol, offset, size = _data_symbol(src)
    blob = src.read_bytes()[offset:offset + size]
    header, items = read_package(blob)
    package = write_package(header, [(name, data) for name, data in items if keep(name)])
    with tempfile.TemporaryDirectory() as tmp:
        data, assembly, obj = Path(tmp) / "icu.dat", Path(tmp) / "icu.s", Path(tmp) / "icu.o"
        data.write_bytes(package)
        assembly.write_text(
            f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n'
            f'{symbol}:\n\t.incbin "{data}"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        subprocess.run(["as", "-o", str(obj), str(assembly)], check=True)
        dst.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["ld", "-shared", "-soname", _soname(src), "-z", "noexecstack", "-o", str(dst), str(obj)],
                       check=True)
    return True


if __name__ == "__main__":
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    trimmed = trim(source, target)
    print(f"{source.name}: {source.stat().st_size / 1e6:.1f} MB -> {target.stat().st_size / 1e6:.1f} MB"
          + ("" if trimmed else " (binutils missing: copied)"))
