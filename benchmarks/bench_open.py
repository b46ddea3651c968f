"""Open a 20,000-word document with 2,000 highlights: first paint, and a scroll repaint."""

from __future__ import annotations

import random
import time

from benchmarks.corpus import WORDS
from benchmarks.harness import Result, median

EMOJI = ["😀", "🇫🇷", "🇬🇧", "📈"]


def _document(seed: int):  # type: ignore[no-untyped-def]
    from factdesk.core.noise import NoiseRange
    from factdesk.core.statuses import STATUSES
    from factdesk.ui.document_view import ViewHighlight

    rng = random.Random(seed)
    paragraphs = []
    for _ in range(400):
        words = [rng.choice(WORDS) for _ in range(50)]
        for _ in range(rng.randint(0, 2)):
            words.insert(rng.randrange(len(words)), rng.choice(EMOJI))
        paragraphs.append(" ".join(words))
    paragraphs[10] = "(Image: Getty Images)"
    text = "\n".join(paragraphs)
    credit = text.index(paragraphs[10])
    noise = [NoiseRange(credit, credit + len(paragraphs[10]), "credit")]
    highlights = []
    for i in range(2000):
        start = rng.randrange(len(text) - 400)
        end = start + rng.randint(20, 300)
        highlights.append(ViewHighlight(i, i // 2, start, end, STATUSES[i % 6], f"claim {i}"))
    return text, noise, highlights


def _ms(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _show(view, doc_id, text, noise, highlights) -> None:  # type: ignore[no-untyped-def]
    view.show_document(doc_id, text, noise, highlights)
    view.viewport().repaint()  # the first paint, synchronously


def _scroll(view) -> None:  # type: ignore[no-untyped-def]
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + 10)
    view.viewport().repaint()


def run() -> list[Result]:
    from PySide6.QtWidgets import QApplication

    from factdesk.ui.document_view import DocumentView

    app = QApplication.instance() or QApplication([])
    view = DocumentView()
    view.resize(1000, 800)
    view.show()
    app.processEvents()
    text, noise, highlights = _document(1)
    shown, scrolls = [], []
    for attempt in range(9):
        view.clear_document()
        view.viewport().repaint()
        shown.append(_ms(lambda n=attempt: _show(view, n, text, noise, highlights)))
        scrolls.append(_ms(lambda: _scroll(view)))
    view.close()
    words = len(text.split())
    first = median(shown)
    return [
        Result(
            f"open {words:,} words, 2,000 highlights: first paint",
            first,
            "ms",
            "≤ 100 ms",
            first <= 100,
            f"median of 9; first in process {shown[0]:.0f} ms",
        ),
        Result("scroll repaint (10 lines)", median(scrolls), "ms"),
    ]
