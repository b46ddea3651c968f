"""Claim suggestions: quotations with their speakers, and checkable figures (issue #8)."""

from factdesk.core.suggest.engine import FULL_QUOTE_SCORE, NUMBER, QUOTE, Suggestion, suggest
from factdesk.core.suggest.person import KnownSpeaker

__all__ = ["FULL_QUOTE_SCORE", "NUMBER", "QUOTE", "KnownSpeaker", "Suggestion", "suggest"]
