"""The "All speakers" drop-down that filters a list by speaker (claims, suggestions, export)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox

ALL_SPEAKERS = "All speakers"


def refill(combo: QComboBox, names: Iterable[str | None]) -> None:
    """Offer "All speakers" and `names` (sorted, once each), keeping the current choice when
    it is still there; quietly, so a refill is not the person choosing."""
    current = combo.currentText()
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem(ALL_SPEAKERS)
        combo.addItems(sorted({n for n in names if n}, key=str.casefold))
        combo.setCurrentIndex(max(0, combo.findText(current)))
    finally:
        combo.blockSignals(False)


def chosen(combo: QComboBox) -> str | None:
    """The speaker chosen, or None for all of them."""
    text = combo.currentText()
    return None if text == ALL_SPEAKERS else text
