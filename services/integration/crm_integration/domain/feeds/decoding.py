"""Bytes of a feed, as they come, to text lines: UTF-8 with or without BOM, or Windows-1252.

Streamed: memory holds one chunk, one physical line and, once, a look-ahead window of
`sniff_bytes`, whatever the size of the file.

The rule (what a file is read as):

1. A UTF-8 byte order mark: UTF-8, and the mark is dropped. A UTF-16 mark refuses the file (export
   it as CSV UTF-8): reading it as bytes would give a row of garbage per line.
2. Otherwise the decision waits for the first byte that is not ASCII. Until then UTF-8 and
   Windows-1252 read every byte the same, so whatever is decided later holds for the WHOLE file,
   including the lines already handed out. Many exports carry tens of thousands of plain ASCII
   rows before the first accented name, so sniffing only the first N KB would decide on no evidence.
3. At the first non-ASCII byte the reader looks ahead `sniff_bytes` (64 KiB) from that line on:
   all valid UTF-8 decides UTF-8, any invalid sequence decides Windows-1252 for the whole file.
   (A Windows-1252 text that happens to be valid UTF-8 needs pairs such as "Ã©" and nothing else;
   real legacy exports do not look like that.)
4. A file decided UTF-8 that later holds a sequence that is not valid UTF-8 (a record pasted from
   another system, two exports concatenated) is not re-read, which streaming could not do, and is
   not stopped: the rows before were proven UTF-8. Only the offending bytes are read as
   Windows-1252, the most likely right characters, and `take_fallbacks()` reports it so that the
   row gets a warning an admin can check. Never a silent U+FFFD.

Windows-1252 leaves five bytes undefined (0x81 0x8D 0x8F 0x90 0x9D); they read as the C1 control
of the same number, as browsers do, instead of failing the file.

Line ends: CRLF, LF and a lone CR (classic Mac) all end a line; each line is handed out with its
own end, which the csv module understands (the cells' parsers turn line breaks inside a multi-line
field into "\\n"). Splitting is done on bytes before decoding, which is safe: neither UTF-8 nor
Windows-1252 uses 0x0A or 0x0D inside a character.
"""
from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator

from crm_integration.domain.feeds.model import FeedCorrupt, FeedRejected

UTF8_BOM = codecs.BOM_UTF8
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
SNIFF_BYTES = 64 * 1024
MAX_LINE_BYTES = 4 * 1024 * 1024  # one physical line; far above any real row, well under any memory
ASCII, UTF8, CP1252 = "ascii", "utf-8", "cp1252"
_CP1252_FALLBACK = "crm-feeds-cp1252"
_CP1252_UNDEFINED = "crm-feeds-c1"


def _as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Error handler: bytes that are not valid UTF-8 read as Windows-1252 instead."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", _CP1252_UNDEFINED), error.end


def _as_c1(error: UnicodeError) -> tuple[str, int]:
    """Error handler: the five bytes Windows-1252 leaves undefined read as C1 controls (WHATWG)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error(_CP1252_FALLBACK, _as_cp1252)
codecs.register_error(_CP1252_UNDEFINED, _as_c1)


class FeedDecoder:
    """Decodes one file; `encoding` says what it was read as so far ("ascii" until the first
    non-ASCII byte, then "utf-8" or "cp1252"), `bom` whether it started with a UTF-8 BOM."""

    def __init__(self, *, sniff_bytes: int = SNIFF_BYTES, max_line_bytes: int = MAX_LINE_BYTES) -> None:
        self.sniff_bytes = sniff_bytes
        self.max_line_bytes = max_line_bytes
        self.encoding = ASCII
        self.bom = False
        self.lines_read = 0
        self.fallback_lines = 0  # lines of a UTF-8 file holding bytes read as Windows-1252
        self._unreported = 0
        self.recent: list[str] | None = None  # when a list, every line handed out is appended to it

    def take_fallbacks(self) -> int:
        """Lines decoded with the Windows-1252 fallback since the last call (rule 4)."""
        count, self._unreported = self._unreported, 0
        return count

    def lines(self, chunks: Iterable[bytes]) -> Iterator[str]:
        """The text lines of the file, each with its line end (the last one may have none)."""
        raw = self._physical_lines(self._without_bom(chunks))
        for line in raw:
            if self.encoding != ASCII or line.isascii():
                yield self._decode(line)
                continue
            window, size = [line], len(line)
            while size < self.sniff_bytes:  # the same iterator: the outer loop goes on after the window
                ahead = next(raw, None)
                if ahead is None:
                    break
                window.append(ahead)
                size += len(ahead)
            self.encoding = UTF8 if all(_is_utf8(part) for part in window) else CP1252
            for part in window:
                yield self._decode(part)

    def _decode(self, line: bytes) -> str:
        self.lines_read += 1
        if self.encoding == CP1252:
            text = line.decode("cp1252", _CP1252_UNDEFINED)
        else:
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                self.fallback_lines += 1
                self._unreported += 1
                text = line.decode("utf-8", _CP1252_FALLBACK)
        if self.recent is not None:
            self.recent.append(text)
        return text

    def _without_bom(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        head = b""
        iterator = iter(chunks)
        for chunk in iterator:
            head += chunk
            if len(head) >= len(UTF8_BOM):
                break
        if head.startswith(UTF16_BOMS):
            raise FeedRejected("the file is UTF-16; export it as CSV in UTF-8 (or Windows-1252)")
        if head.startswith(UTF8_BOM):
            head = head[len(UTF8_BOM):]
            self.bom, self.encoding = True, UTF8
        if head:
            yield head
        for chunk in iterator:
            if chunk:
                yield chunk

    def _physical_lines(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """Lines with their own ends (CRLF, LF or CR), the last one possibly without."""
        leftover = b""
        for chunk in chunks:
            lines = (leftover + chunk if leftover else bytes(chunk)).splitlines(keepends=True)
            # a last line not ended by LF is held back: it may go on, or be the CR of a CRLF
            leftover = lines.pop() if lines and not lines[-1].endswith(b"\n") else b""
            yield from lines
            if len(leftover) > self.max_line_bytes:
                raise FeedCorrupt(f"a line longer than {self.max_line_bytes} bytes; is this a CSV file?",
                                  line=self.lines_read + 1)
        if leftover:
            yield leftover


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_lines(chunks: Iterable[bytes]) -> Iterator[str]:
    """The text lines of a file given as chunks of bytes (see the module's rule), with their ends."""
    return FeedDecoder().lines(chunks)
