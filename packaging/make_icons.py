"""Render the app icon from resources/icons/dossier.svg: PNG sizes, a Windows .ico, a macOS .icns.

Run it after editing the SVG and commit what it writes (the build does not run it):

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Qt renders the SVG. Qt's own ico/icns writers store a single image per file, so the two
containers are written here; both formats are a short header, a table of sizes and PNG data
(PNG entries are read by Windows Vista and later and by macOS 10.7 and later).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns entry types that hold PNG data, by pixel size (the @2x types reuse the larger renders)
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"ic11", 32), (b"ic12", 64), (b"ic07", 128),
    (b"ic13", 256), (b"ic08", 256), (b"ic14", 512), (b"ic09", 512), (b"ic10", 1024),
)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn on a transparent square of ``size`` pixels, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, b"PNG"):
        raise RuntimeError(f"cannot encode the {size}px icon as PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows icon with one PNG entry per size (width/height byte 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    table, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size
        table += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + table + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS icon family: big-endian type/length records, each holding PNG data."""
    body = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter on images wants an application
    renderer = QSvgRenderer(str(ICONS / "dossier.svg"))
    if not renderer.isValid():
        print(f"{ICONS / 'dossier.svg'}: not a valid SVG", file=sys.stderr)
        return 1
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    images = {size: render(renderer, size) for size in sizes}
    for size in PNG_SIZES:
        (ICONS / f"dossier-{size}.png").write_bytes(images[size])
    (ICONS / "dossier.ico").write_bytes(ico({size: images[size] for size in ICO_SIZES}))
    (ICONS / "dossier.icns").write_bytes(icns(images))
    print(f"wrote {len(PNG_SIZES)} PNGs, dossier.ico and dossier.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
