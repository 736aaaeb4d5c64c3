"""One raw line of a JSONL file, decoded and scanned only when a diagnostic needs its columns."""

from __future__ import annotations

from ..project import BOM
from .positions import Layout, scan


class Line:
    """One raw line (without its newline) and its number."""

    __slots__ = ("_layout", "_text", "lineno", "offset", "raw")

    def __init__(self, lineno: int, raw: bytes) -> None:
        self.lineno = lineno
        self.raw = raw
        self.offset = 0
        self._text: str | None = None
        self._layout: Layout | None = None

    @property
    def text(self) -> str:
        """The line as JSON text: BOM and CR removed (`offset` counts a removed BOM)."""
        if self._text is None:
            text = self.raw.decode("utf-8", "replace")
            if self.lineno == 1 and text.startswith(BOM):
                text, self.offset = text[1:], 1
            self._text = text.removesuffix("\r")
        return self._text

    @property
    def source(self) -> str:
        """The line as shown under a diagnostic."""
        return self.raw.decode("utf-8", "replace").removesuffix("\r")

    @property
    def layout(self) -> Layout:
        if self._layout is None:
            try:
                self._layout = scan(self.text)
            except Exception:  # only a text json rejected gets here; columns fall back to 1
                self._layout = Layout()
        return self._layout
