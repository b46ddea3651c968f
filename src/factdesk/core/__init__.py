"""Pure Python core: text, offsets, anchoring, statuses, errors. No Qt, no database."""
