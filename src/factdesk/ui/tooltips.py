"""Tooltips that show desk data exactly as written, never as rich text.

Qt has no plain-text switch for tooltips: QToolTip shows its text in a QLabel set to
Qt.AutoText, which renders the text as HTML whenever Qt.mightBeRichText() says it looks like
HTML (a known tag before the first line break, such as "Claim <img src=...>", or "&lt;").
Rich text in a QLabel loads every <img> source through QTextDocument: a local file, or on
Windows a UNC share (which sends the user's credentials to that host). Claim texts, quotes,
titles and snippets come from imported articles, so every tooltip made from them goes through
plain_tip().
"""

from __future__ import annotations

from PySide6.QtGui import Qt


def plain_tip(text: str) -> str:
    """`text` as a tooltip that Qt shows character for character.

    Text Qt would show as plain is returned unchanged (so ordinary tooltips stay as they were);
    text Qt would parse as HTML is escaped and wrapped in a paragraph, its line breaks kept, so
    Qt parses it and shows the original characters, with no image, link or style in it.
    """
    if not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
