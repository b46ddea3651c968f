"""PDF fact sheets: the sheet's parts laid out by QTextDocument and paged here (QtGui only)."""

# Why not one QTextDocument and `print_()`: Qt numbers pages only when no page size is set,
# ignores `page-break-inside`, and relays out the whole rest of the document after each
# `page-break-before` set to keep a block whole (~0.2 s each: 22 s for 500 claims). So each
# part (masthead, then one per claim) is laid out once on its own and the pages are packed
# here: a claim that fits on a page is never split; a longer one starts a page and flows on
# between its items. Each page gets a "page X of Y" footer.

from __future__ import annotations

import importlib.resources
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from factdesk.core.errors import KnownError
from factdesk.factsheet.html import STYLESHEET, Part

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
DPI = 96  # layout units are CSS pixels, as the stylesheet's paddings and borders expect
MARGINS_MM = QMarginsF(16, 14, 16, 10)  # left, top, right, bottom of the paper
FOOTER = 30.0  # layout units kept free at the bottom of each page for the footer
GAP = 12.0  # between two claims on a page
BODY_PT = 9.5

_app: QGuiApplication | None = None  # kept alive for the whole process once made here
_family: str | None = None
_metrics: tuple[QBuffer, QPdfWriter] | None = None

ProgressFn = Callable[[int, int], None]


class FontError(KnownError):
    """The shipped font is missing or unreadable: Qt would write a PDF with no text at all."""


@dataclass(frozen=True, slots=True)
class _Piece:
    """A slice [top, top + height) of one laid-out document, painted at `y` on a page."""

    doc: QTextDocument
    top: float
    height: float
    y: float


@dataclass(slots=True)
class _Pages:
    body: float  # the height a page offers
    width: float
    family: str
    pages: list[list[_Piece]] = field(default_factory=lambda: [[]])
    y: float = 0.0

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0.0

    def put(self, doc: QTextDocument, height: float, *, gap: float) -> None:
        """Place a document whole: here if it fits, else at the top of the next page."""
        if self.pages[-1] and self.y + gap + height > self.body:
            self.new_page()
        if self.pages[-1]:
            self.y += gap
        self.pages[-1].append(_Piece(doc, 0.0, height, self.y))
        self.y += height

    def add(self, part: Part) -> None:
        doc = _document(part.html, self.family, self.width)
        height = doc.size().height()
        if height <= self.body:
            self.put(doc, height, gap=GAP)
        elif part.pieces:
            self._flow(part)
        else:
            self._paginate(doc)

    def _flow(self, part: Part) -> None:
        """A part taller than a page: start a page, then its pieces, each kept whole.
        Pieces touch, their borders overlapping, so they read as one box."""
        if self.pages[-1]:
            self.new_page()
        for piece in (_document(html, self.family, self.width) for html in part.pieces):
            height = piece.size().height()
            if height > self.body:
                self._paginate(piece)
            elif self.pages[-1] and self.y + height - 1 > self.body:
                self.new_page()
                head = _document(part.continued, self.family, self.width)
                if part.continued and head.size().height() + height - 1 <= self.body:
                    self.put(head, head.size().height(), gap=0)
                    self.y -= 1
                self.put(piece, height, gap=0)
                self.y -= 1
            else:
                self.put(piece, height, gap=-1 if self.pages[-1] else 0)

    def _paginate(self, doc: QTextDocument) -> None:
        """Last resort for one item taller than a page (a huge note): Qt breaks it between
        lines. Qt's clipping then leaves the line next to each break in the PDF's text layer
        of both pages (hidden by the clip, so the pages look right)."""
        if self.pages[-1]:
            self.new_page()
        doc.setPageSize(QSizeF(self.width, self.body))
        count = doc.pageCount()
        for index in range(count):
            if index:
                self.new_page()
            self.pages[-1].append(_Piece(doc, index * self.body, self.body, 0.0))
        self.y = _end_of_content(doc) - (count - 1) * self.body


def ensure_gui() -> None:
    """A QGuiApplication for fonts and painting; the command line has none, so make one."""
    global _app  # noqa: PLW0603  (one application object per process, as Qt requires)
    app = QCoreApplication.instance()
    if app is None:
        # offscreen: a PDF needs no screen, and a server or a CI job has none
        _app = QGuiApplication(["factdesk", "-platform", "offscreen"])
    elif not isinstance(app, QGuiApplication):
        raise KnownError("PDF export needs a GUI application object, not a QCoreApplication")


def font_family() -> str:
    """Register the shipped DejaVu Sans (regular and bold) once; return its family name."""
    global _family  # noqa: PLW0603
    if _family is not None:
        return _family
    ensure_gui()
    folder = importlib.resources.files("factdesk") / "resources" / "fonts"
    families: set[str] = set()
    for name in FONT_FILES:
        try:
            data = (folder / name).read_bytes()
        except OSError as exc:
            raise FontError(f"the fact sheet font {name} is missing ({exc.strerror})") from exc
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
        if font_id < 0:
            raise FontError(f"the fact sheet font {name} could not be loaded")
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if not families:
        raise FontError("the fact sheet font has no family name")
    _family = sorted(families)[0]
    return _family


def render_pdf(
    parts: Sequence[Part],
    target: str | os.PathLike[str],
    *,
    page_size: str = "a4",
    title: str = "",
    footer: str = "",
    progress: ProgressFn | None = None,
) -> int:
    """Write the parts (html.render_parts) as a PDF at `target`; returns the page count.

    Write atomically: pass a temporary path (factsheet.write.atomic_path).
    """
    font_family()
    writer = QPdfWriter(os.fspath(target))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[page_size]),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator("factdesk")
    return paint_pages(parts, writer, footer=footer, progress=progress)


def paint_pages(
    parts: Sequence[Part],
    device: QPagedPaintDevice,
    *,
    footer: str = "",
    progress: ProgressFn | None = None,
) -> int:
    """Lay out and paint the parts on a paged device (a QPdfWriter here, a QPrinter for the
    window's print preview), within its page margins; returns the number of pages."""
    family = font_family()
    scale = device.logicalDpiY() / DPI
    width, height = device.width() / scale, device.height() / scale
    layout = _Pages(body=height - FOOTER, width=width, family=family)
    for part in parts:
        layout.add(part)
    pages = layout.pages
    painter = QPainter()
    if not painter.begin(device):
        raise KnownError("the PDF could not be started (is the file writable?)")
    try:
        painter.scale(scale, scale)
        for number, pieces in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            for piece in pieces:
                painter.save()
                painter.translate(0, piece.y - piece.top)
                piece.doc.drawContents(painter, QRectF(0, piece.top, width, piece.height))
                painter.restore()
            right = f"page {number} of {len(pages)}"
            _footer(painter, family, width, height, left=footer, right=right)
            if progress is not None:
                progress(number, len(pages))
    except BaseException:
        painter.end()
        raise
    if not painter.end():
        raise KnownError("the PDF could not be finished (is the disk full?)")
    return len(pages)


def _metrics_device() -> QPdfWriter:
    """A 96-dpi device to lay out against: font metrics of the PDF engine, not of a screen."""
    global _metrics  # noqa: PLW0603
    if _metrics is None:
        buffer = QBuffer()
        writer = QPdfWriter(buffer)  # never painted on: it only answers metric questions
        writer.setResolution(DPI)
        _metrics = (buffer, writer)
    return _metrics[1]


def _font(family: str, points: float) -> QFont:
    font = QFont(family)
    font.setPointSizeF(points)
    # no "fi"/"fl" ligatures: a quotation copied out of the PDF, or searched for in it, must
    # come out letter for letter
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _document(html: str, family: str, width: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(_metrics_device())
    doc.setDefaultFont(_font(family, BODY_PT))
    doc.setDefaultStyleSheet(STYLESHEET)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setTextWidth(width)
    return doc


def _end_of_content(doc: QTextDocument) -> float:
    """Where a paginated document's last line ends (its size is a whole number of pages)."""
    layout = doc.documentLayout()
    bottom, block = 0.0, doc.begin()
    while block.isValid():
        if block.length() > 1:  # Qt ends a document with an empty block after a table
            bottom = max(bottom, layout.blockBoundingRect(block).bottom())
        block = block.next()
    return bottom + 8.0  # the cell's padding and border below its last line


def _footer(
    painter: QPainter, family: str, width: float, height: float, *, left: str, right: str
) -> None:
    font = _font(family, 7.5)
    # in layout units, not points: a point size would be scaled for the device's own DPI and
    # again by the painter's scale (a 1200-dpi printer drew the footer 12.5 times too big)
    font.setPixelSize(round(7.5 * DPI / 72))
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.darkGray)
    box = QRectF(0, height - FOOTER * 0.6, width, FOOTER * 0.6)
    flags = Qt.AlignmentFlag.AlignBottom
    painter.drawText(box, flags | Qt.AlignmentFlag.AlignRight, right)
    if left:
        elided = painter.fontMetrics().elidedText(
            left, Qt.TextElideMode.ElideRight, int(width * 0.7)
        )
        painter.drawText(box, flags | Qt.AlignmentFlag.AlignLeft, elided)
