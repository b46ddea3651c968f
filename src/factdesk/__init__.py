"""factdesk: a desk for newsroom fact-checkers."""

__version__ = "0.1.0"
