"""Render factdesk's icon (src/factdesk/resources/icons/factdesk.svg) for the platforms.

    python packaging/icons.py [--png-only] OUT_DIR

writes, with Qt's SVG renderer (each size drawn from the vector, not scaled down) and Pillow to
pack the Windows and macOS icon files (a build-time tool only, in packaging/requirements.txt):

    OUT_DIR/hicolor/SIZExSIZE/apps/org.factdesk.FactDesk.png   16 … 512, for Linux desktops
    OUT_DIR/hicolor/scalable/apps/org.factdesk.FactDesk.svg
    OUT_DIR/factdesk.ico    16 … 256, for the Windows executable
    OUT_DIR/factdesk.icns   16 … 512, for the macOS bundle

--png-only skips the last two (and Pillow): the Linux icons alone.

Exits 1 with one line if the SVG cannot be read or an image cannot be written.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

APP_ID = "org.factdesk.FactDesk"
SVG = Path(__file__).resolve().parent.parent / "src/factdesk/resources/icons/factdesk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def main(argv: list[str]) -> int:
    png_only = "--png-only" in argv
    argv = [arg for arg in argv if arg != "--png-only"]
    if len(argv) != 1:
        print("usage: python packaging/icons.py [--png-only] OUT_DIR", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt  # noqa: PLC0415  (Qt only when run)
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"icons: {SVG} is not a readable SVG image", file=sys.stderr)
        return 1

    def render(size: int) -> QImage:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        return image

    def write(image: QImage, path: Path, fmt: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        writer = QImageWriter(str(path), fmt)
        if not writer.write(image):
            raise OSError(f"cannot write {path}: {writer.errorString()}")

    out = Path(argv[0])
    try:
        for size in PNG_SIZES:
            write(render(size), out / f"hicolor/{size}x{size}/apps/{APP_ID}.png", b"png")
        scalable = out / f"hicolor/scalable/apps/{APP_ID}.svg"
        scalable.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SVG, scalable)
        if png_only:
            return 0
        # Qt's ICO and ICNS writers store one image only; Pillow packs every size
        _pack(out / "factdesk.ico", [out / f"hicolor/{s}x{s}/apps/{APP_ID}.png" for s in ICO_SIZES])
        _pack(
            out / "factdesk.icns", [out / f"hicolor/{s}x{s}/apps/{APP_ID}.png" for s in ICNS_SIZES]
        )
    except (OSError, ValueError) as exc:
        print(f"icons: {exc}", file=sys.stderr)
        return 1
    return 0


def _pack(target: Path, pngs: list[Path]) -> None:
    """One ICO or ICNS file holding each PNG at its own size (largest first, as Pillow wants)."""
    from PIL import Image  # noqa: PLC0415

    images = [Image.open(png) for png in sorted(pngs, key=lambda p: -Image.open(p).width)]
    sizes = [image.size for image in images]
    extra = {"sizes": sizes} if target.suffix == ".ico" else {}
    images[0].save(target, append_images=images[1:], **extra)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
