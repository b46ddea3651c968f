"""What an importer hands back (defined in core so the db layer can take it without sources)."""

from factdesk.core.records import SourceDocument

__all__ = ["SourceDocument"]
