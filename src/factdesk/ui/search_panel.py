"""Search as you type over every document and claim; a hit opens where it was found."""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import qasync
import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from factdesk.core.errors import KnownError
from factdesk.core.records import SearchHit
from factdesk.ui.tooltips import plain_tip

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "document" | "claim"
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3  # as the search returns it, with [ ] marks

KIND_LABELS = {"document": "Document", "claim": "Claim"}
DEBOUNCE_MS = 250
PLACEHOLDER = "Search all documents and claims"

# The search marks each matched word as [word]; a bracket without its partner is text.
_MARK = re.compile(r"\[([^\[\]]*)\]")
_SPACE = re.compile(r"\s+")
_PAD = 6  # around each row, in pixels
_GAP = 2  # between a row's two lines
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MIN_WIDTH = 120

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index Qt passes for "no parent"; never mutated
Runs = list[tuple[str, bool]]  # (text, matched)
Search = Callable[[str], Awaitable[list[SearchHit]]]


def snippet_runs(snippet: str) -> Runs:
    """Split a marked snippet into plain and matched runs, on one line, marks removed."""
    runs: Runs = []
    position = 0
    for match in _MARK.finditer(snippet):
        runs.append((snippet[position : match.start()], False))
        runs.append((match.group(1), True))
        position = match.end()
    runs.append((snippet[position:], False))
    return [(_SPACE.sub(" ", text), matched) for text, matched in runs if text]


def plain_snippet(snippet: str) -> str:
    return "".join(text for text, _ in snippet_runs(snippet))


def runs_html(runs: Runs) -> str:
    """Matched runs in bold; every character of the text escaped, so none of it is markup."""
    return "".join(
        f"<b>{html.escape(text)}</b>" if matched else html.escape(text) for text, matched in runs
    )


def snippet_html(snippet: str) -> str:
    return runs_html(snippet_runs(snippet))


def elide_runs(runs: Runs, width: float, font: QFont) -> Runs:
    """Keep as much as fits in `width` on one line, ending with '…' when something is cut."""
    metrics = {False: QFontMetricsF(font), True: QFontMetricsF(_bold(font))}
    kept: Runs = []
    room = width
    for text, matched in runs:
        advance = metrics[matched].horizontalAdvance(text)
        if advance <= room:
            kept.append((text, matched))
            room -= advance
            continue
        cut = metrics[matched].elidedText(text, Qt.TextElideMode.ElideRight, room)
        if cut:
            kept.append((cut, matched))
        break
    return kept


_ROLES: dict[int, Callable[[SearchHit], Any]] = {
    Qt.ItemDataRole.DisplayRole: lambda hit: hit.title,
    Qt.ItemDataRole.ToolTipRole: lambda hit: plain_tip(plain_snippet(hit.snippet)),
    KIND_ROLE: lambda hit: hit.kind,
    ID_ROLE: lambda hit: hit.id,
    SNIPPET_ROLE: lambda hit: hit.snippet,
}


class SearchHitsModel(QAbstractListModel):
    """The hits of the latest search, documents first, in the order the search ranked them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        getter = _ROLES.get(role)
        if getter is None or not index.isValid():
            return None
        return getter(self._hits[index.row()])

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]


class SnippetDelegate(QStyledItemDelegate):
    """Two lines per hit: kind and title in bold, then the snippet with matched words in bold."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        lines = QFontMetricsF(_bold(option.font)).lineSpacing() + _GAP
        lines += QFontMetricsF(option.font).lineSpacing()
        return QSize(_MIN_WIDTH, round(lines) + 2 * _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the style draws background, selection and focus; the text is ours
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        box = QRectF(opt.rect).adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.save()
        painter.setClipRect(opt.rect)
        title_height = self._paint_title(painter, opt, index, box)
        painter.translate(box.left(), box.top() + title_height + _GAP)
        document = self.snippet_document(index, opt.font, box.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette(opt.palette)
        palette.setColor(QPalette.ColorRole.Text, _text_colour(opt))
        context.palette = palette
        document.documentLayout().draw(painter, context)
        painter.restore()

    def _paint_title(
        self, painter: QPainter, opt: QStyleOptionViewItem, index: _Index, box: QRectF
    ) -> float:
        """Draw 'Document  Title of the article' as plain text; return the line's height."""
        font = _bold(opt.font)
        metrics = QFontMetricsF(font)
        kind = str(index.data(KIND_ROLE))
        label = KIND_LABELS.get(kind, kind.capitalize())
        label_width = metrics.horizontalAdvance(label + "  ")
        title = metrics.elidedText(
            _SPACE.sub(" ", str(index.data())),
            Qt.TextElideMode.ElideRight,
            box.width() - label_width,
        )
        line = QRectF(box.left(), box.top(), box.width(), metrics.lineSpacing())
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.setFont(font)
        painter.setPen(_text_colour(opt, dimmed=True))
        painter.drawText(line, flags, label)
        painter.setPen(_text_colour(opt))
        painter.drawText(line.adjusted(label_width, 0, 0, 0), flags, title)
        return metrics.lineSpacing()

    def snippet_document(self, index: _Index, font: QFont, width: float) -> QTextDocument:
        """The second line as rich text: the escaped snippet, elided to fit `width`."""
        # A little slack: the document lays runs out with its own rounding.
        runs = elide_runs(snippet_runs(str(index.data(SNIPPET_ROLE) or "")), width - 2, font)
        document = QTextDocument()  # no parent: Python frees it after the paint
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        document.setDefaultTextOption(option)
        document.setHtml(runs_html(runs))
        return document


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def _text_colour(opt: QStyleOptionViewItem, *, dimmed: bool = False) -> QColor:
    state = opt.state
    if not state & QStyle.StateFlag.State_Enabled:
        group = QPalette.ColorGroup.Disabled
    elif state & QStyle.StateFlag.State_Active:
        group = QPalette.ColorGroup.Active
    else:
        group = QPalette.ColorGroup.Inactive
    if state & QStyle.StateFlag.State_Selected:
        return opt.palette.color(group, QPalette.ColorRole.HighlightedText)
    if dimmed:
        return opt.palette.color(group, QPalette.ColorRole.PlaceholderText)
    return opt.palette.color(group, QPalette.ColorRole.Text)


def error_sentence(error: KnownError) -> str:
    message = str(error).rstrip()
    return f"Search failed: {message}" + ("" if message.endswith((".", "!", "?")) else ".")


def count_sentence(n: int) -> str:
    if n == 0:
        return "No matches"
    return "1 match" if n == 1 else f"{n} matches"


class SearchPanel(QWidget):
    """A query field over a list of hits; the window supplies the search and opens the hits.

    `search` is awaited on the running qasync loop (the window runs it on its database worker).
    Typing waits DEBOUNCE_MS before searching, and a search that finishes after a newer one
    started is dropped, so the list always belongs to the text in the field.
    """

    hitActivated = Signal(str, int, str)  # kind, id, the query that found it

    def __init__(self, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._generation = 0  # bumped by every search and every clear; older results are stale
        self._shown_query = ""
        self._in_flight: str | None = None  # the query of the newest search not yet answered
        self._activate_when_shown = False  # Enter was pressed before the results came in
        self.model = SearchHitsModel(self)
        self.query_edit = _query_edit()
        self.status_label = _status_label()
        self.hits_view = self._make_view()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self.query_edit.textChanged.connect(self._on_text_changed)
        self.query_edit.returnPressed.connect(self._on_return_in_field)
        self.query_edit.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.status_label)
        layout.addWidget(self.hits_view, 1)

    def _make_view(self) -> QListView:
        view = QListView(self)
        view.setModel(self.model)
        view.setItemDelegate(SnippetDelegate(view))
        view.setUniformItemSizes(True)  # every row is two lines: Qt skips measuring each one
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setAccessibleName("Search results")
        # clicked, not activated: some styles activate on a single click and both would fire.
        view.clicked.connect(self._activate)
        view.installEventFilter(self)
        return view

    def focus_query(self) -> None:
        """Put the cursor in the field with its text selected, ready to type over."""
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.hits_view and event.key() in _ENTER_KEYS:
                index = self.hits_view.currentIndex()
                if index.isValid():
                    self._activate(index)
                    return True
            if watched is self.query_edit and event.key() == Qt.Key.Key_Down:
                return self._move_into_hits()
        return super().eventFilter(watched, event)

    def _move_into_hits(self) -> bool:
        if not self.model.rowCount():
            return False
        self.hits_view.setFocus(Qt.FocusReason.TabFocusReason)
        self.hits_view.setCurrentIndex(self.model.index(0))
        return True

    def _query(self) -> str:
        return self.query_edit.text().strip()

    def _on_text_changed(self, text: str) -> None:
        self._activate_when_shown = False  # an Enter pressed for the old text no longer counts
        if text.strip():
            self._debounce.start()
            return
        self._debounce.stop()
        self._generation += 1
        self._in_flight = None
        self._show([], "")

    def _on_return_in_field(self) -> None:
        query = self._query()
        if not query:
            return
        if query == self._shown_query:
            self._activate_first()
            return
        self._activate_when_shown = True
        if self._in_flight != query:  # not searched yet (typing pause pending, or it failed)
            self._debounce.stop()
            self._search_now()

    @qasync.asyncSlot()
    async def _search_now(self) -> None:
        query = self._query()
        if not query:
            return
        self._generation += 1
        generation = self._generation
        self._in_flight = query
        try:
            hits = await self._search(query)
        except KnownError as error:
            if self._is_current(generation):
                self._in_flight = None
                self._activate_when_shown = False
                self._show([], "")
                self._set_status(error_sentence(error), error=True)
            return
        if self._is_current(generation):
            self._in_flight = None
            self._show(hits, query)
            if self._activate_when_shown:
                self._activate_when_shown = False
                self._activate_first()

    def _is_current(self, generation: int) -> bool:
        # The panel may have been deleted (desk closed) while the search ran.
        return shiboken6.isValid(self) and generation == self._generation

    def _show(self, hits: Sequence[SearchHit], query: str) -> None:
        self.model.set_hits(hits)
        self._shown_query = query
        self._set_status(count_sentence(len(hits)) if query else "")

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setForegroundRole(
            QPalette.ColorRole.WindowText if error else QPalette.ColorRole.PlaceholderText
        )

    def _activate_first(self) -> None:
        if self.model.rowCount():
            self._activate(self.model.index(0))

    def _activate(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        self.hitActivated.emit(hit.kind, hit.id, self._shown_query)


def _query_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(PLACEHOLDER)
    edit.setClearButtonEnabled(True)
    edit.setAccessibleName("Search")
    return edit


def _status_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # error messages quote file names
    label.setWordWrap(True)
    font = label.font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label
