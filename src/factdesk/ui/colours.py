"""Status colours for highlights and chips, legible on light and dark palettes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from factdesk.core.statuses import (
    FALSE,
    IN_PROGRESS,
    MISLEADING,
    UNCHECKED,
    UNVERIFIABLE,
    VERIFIED,
)


@dataclass(frozen=True, slots=True)
class StatusColours:
    fill: QColor  # behind highlighted text in the document view
    underline: QColor  # under highlighted text: the status still reads where fills look alike
    chip: QColor  # the status chip in the claims table and legend
    chip_text: QColor


# (fill light, fill dark, chip) — chips are saturated enough to read on either palette, with
# white text; fills are pale on light backgrounds and deep on dark ones, so body text stays
# legible (contrast >= 4.5:1 with the palette's text colour).
_TABLE: dict[str, tuple[str, str, str]] = {
    UNCHECKED: ("#e3e3e3", "#4a4a4a", "#6b6b6b"),
    IN_PROGRESS: ("#cfe3ff", "#22406b", "#2f6fc4"),
    VERIFIED: ("#cdeccf", "#1f5024", "#2e7d32"),
    FALSE: ("#ffd3d0", "#6e2320", "#c62828"),
    MISLEADING: ("#ffe2b8", "#6b4310", "#b85c00"),
    UNVERIFIABLE: ("#e6d8f5", "#48306a", "#7048a8"),
}


def is_dark(palette: QPalette) -> bool:
    """True when the palette draws light text on a dark window."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def status_colours(status: str, *, dark: bool) -> StatusColours:
    fill_light, fill_dark, chip = _TABLE.get(status, _TABLE[UNCHECKED])
    return StatusColours(
        fill=QColor(fill_dark if dark else fill_light),
        underline=QColor(chip).lighter(140) if dark else QColor(chip),
        chip=QColor(chip),
        chip_text=QColor("#ffffff"),
    )


def noise_colour(palette: QPalette) -> QColor:
    """Text colour for noise ranges (credits, repeated captions): dimmed, still readable."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() + base.red()) // 2,
        (text.green() + base.green()) // 2,
        (text.blue() + base.blue()) // 2,
    )


def dark_palette() -> QPalette:
    """A dark palette for desktops whose platform theme offers none."""
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2b2b",
        role.WindowText: "#e6e6e6",
        role.Base: "#1e1e1e",
        role.AlternateBase: "#262626",
        role.Text: "#e6e6e6",
        role.Button: "#353535",
        role.ButtonText: "#e6e6e6",
        role.Highlight: "#3d6fb6",
        role.HighlightedText: "#ffffff",
        role.ToolTipBase: "#353535",
        role.ToolTipText: "#e6e6e6",
        role.PlaceholderText: "#8c8c8c",
        role.Link: "#8ab4f8",
        role.Mid: "#3c3c3c",
        role.Midlight: "#454545",
        role.Dark: "#1a1a1a",
        role.Light: "#505050",
    }
    for which, value in colours.items():
        palette.setColor(which, QColor(value))
    for which in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(group.Disabled, which, QColor("#7a7a7a"))
    return palette
