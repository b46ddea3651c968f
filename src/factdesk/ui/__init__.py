"""The desk window (PySide6). The only layer that imports Qt widgets."""
