"""The one way importer tests check a refusal: SourceError, naming the file, one-line reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from factdesk.sources import SourceError, read_source


def refusal_reason(path: str | Path) -> str:
    """Assert `read_source(path)` refuses the file properly; return the reason it gave."""
    with pytest.raises(SourceError) as caught:
        read_source(path)
    error = caught.value
    assert type(error) is SourceError
    assert str(error).startswith(f"{path}: ")
    assert error.path == str(path)
    assert error.reason and "\n" not in error.reason
    return error.reason
