"""The highlight legend: six statuses in workflow order, a dimmed noise sample, palette changes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from factdesk.core.statuses import LABELS, STATUSES
from factdesk.ui.colours import noise_colour, status_colours
from factdesk.ui.legend import NOISE_TOOLTIP, HighlightLegend, StatusChip


def chip_colour(chip: StatusChip) -> QColor:
    """The colour in the middle of the chip, above its underline."""
    image = chip.grab().toImage()
    return image.pixelColor(image.width() // 2, 2)


def dark_palette(base: QPalette) -> QPalette:
    palette = QPalette(base)
    for role, colour in (
        (QPalette.ColorRole.Window, "#202020"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1a1a1a"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def test_six_statuses_in_workflow_order_then_noise(qtbot):
    legend = HighlightLegend()
    qtbot.addWidget(legend)
    assert [chip.status for chip in legend.chips] == list(STATUSES)
    assert [label.text() for label in legend.labels] == [LABELS[s] for s in STATUSES]
    assert legend.noise_label.text() == "noise"
    assert "credits, captions and footers are dimmed" in NOISE_TOOLTIP.lower()
    assert legend.noise_label.toolTip() == NOISE_TOOLTIP
    legend.show()
    qtbot.waitExposed(legend)
    chips = sorted(legend.chips, key=lambda chip: chip.x())
    assert chips == legend.chips  # laid out left to right in that order


def test_chips_and_noise_follow_a_dark_palette(qtbot):
    legend = HighlightLegend()
    qtbot.addWidget(legend)
    legend.show()
    qtbot.waitExposed(legend)
    light = [chip_colour(chip) for chip in legend.chips]
    assert light == [status_colours(s, dark=False).fill for s in STATUSES]
    light_noise = legend.noise_label.palette().color(QPalette.ColorRole.WindowText)
    assert light_noise == noise_colour(legend.palette())

    legend.setPalette(dark_palette(legend.palette()))
    dark = [chip_colour(chip) for chip in legend.chips]
    assert dark == [status_colours(s, dark=True).fill for s in STATUSES]
    dark_noise = legend.noise_label.palette().color(QPalette.ColorRole.WindowText)
    assert dark_noise == noise_colour(legend.palette()) != light_noise
