"""Decoding a feed's bytes as real feeds come (INT-1, MIG-1): BOM or not, UTF-8 or Windows-1252,
CRLF, LF or CR, in chunks of any size."""
from __future__ import annotations

import csv

import pytest
from integration_feeds_testkit import chunks_of, fixture_bytes

from crm_integration.domain.feeds import FeedCorrupt, FeedDecoder, FeedRejected, decode_lines, read_feed
from crm_integration.domain.feeds.erp import CUSTOMERS
from crm_integration.domain.feeds.reading import FeedRows

CHUNK_SIZES = (1, 2, 3, 5, 64, 65536)


def text_of(data: bytes, chunk_size: int = 65536, **options) -> tuple[str, FeedDecoder]:
    decoder = FeedDecoder(**options)
    return "".join(decoder.lines(chunks_of(data, chunk_size))), decoder


@pytest.mark.parametrize("size", CHUNK_SIZES)
def test_a_utf8_bom_is_dropped_even_when_chunks_cut_it(size):
    """INT-1: the ERP writes UTF-8 with a BOM; the header must not start with U+FEFF."""
    text, decoder = text_of(b"\xef\xbb\xbfsales_order_number\r\nSO-1\r\n", size)

    assert text == "sales_order_number\r\nSO-1\r\n"
    assert decoder.bom and decoder.encoding == "utf-8"


@pytest.mark.parametrize("size", CHUNK_SIZES)
def test_utf8_without_bom_is_read_as_utf8(size):
    """INT-2: Québec and Montréal arrive as UTF-8 without a BOM."""
    text, decoder = text_of("city\nMontréal\nQuébec\n".encode(), size)

    assert text.splitlines() == ["city", "Montréal", "Québec"]
    assert decoder.encoding == "utf-8" and not decoder.bom


@pytest.mark.parametrize("size", CHUNK_SIZES)
def test_windows_1252_accents_and_en_dash_are_read_for_the_whole_file(size):
    """MIG-1: the legacy export is Windows-1252 (accented names, an en dash in notes)."""
    data = "Note\nBudget approved for Q3 – café locations first.\nSøren Müller\n".encode("cp1252")

    text, decoder = text_of(data, size)

    assert text.splitlines() == ["Note", "Budget approved for Q3 – café locations first.", "Søren Müller"]
    assert decoder.encoding == "cp1252"


def test_the_decision_waits_for_the_first_non_ascii_byte_however_late():
    """MIG-1: an export whose first accent comes after many ASCII rows is still read as
    Windows-1252 throughout, with no guess made on the ASCII rows before it."""
    data = b"name\n" + b"plain ascii row\n" * 20_000 + "Zoë Müller\n".encode("cp1252")

    lines = list(FeedDecoder(sniff_bytes=1024).lines(chunks_of(data, 4096)))

    assert lines[-1] == "Zoë Müller\n"
    assert len(lines) == 20_002


def test_a_late_invalid_sequence_in_a_utf8_file_is_read_as_windows_1252_and_reported():
    """INT-1: rows already handed out were proven UTF-8; the bad bytes alone fall back, and the
    decoder reports the line so that its row gets a warning."""
    data = "a\nCafé\n".encode() + b"x\n" * 100 + "Crème – Brûlée\n".encode("cp1252") + "Zoë\n".encode()
    decoder = FeedDecoder(sniff_bytes=16)

    lines = list(decoder.lines(chunks_of(data, 32)))

    assert decoder.encoding == "utf-8"
    assert lines[1] == "Café\n" and lines[-2] == "Crème – Brûlée\n" and lines[-1] == "Zoë\n"
    assert decoder.fallback_lines == 1 and decoder.take_fallbacks() == 1 and decoder.take_fallbacks() == 0


def test_the_row_holding_the_fallback_bytes_carries_a_warning():
    """INT-1: the admin is told which row to check; the rows around it are untouched."""
    rows = list(FeedRows(CUSTOMERS, [fixture_bytes("erp_customers_mixed_encoding.csv")],
                         decoder=FeedDecoder(sniff_bytes=16)))

    assert [row.record.name for row in rows] == ["Café du Nord", "Crème – Brûlée", "Zoë Stores"]
    assert [bool(row.warnings) for row in rows] == [False, True, False]
    assert rows[1].outcome is None  # a warning never changes a fate


def test_invalid_utf8_within_the_sniffed_window_makes_the_whole_file_windows_1252():
    """The same mixed file, sniffed with the default 64 KiB window, is Windows-1252 throughout:
    the rule prefers one encoding for the whole file when the evidence arrives in time."""
    rows = list(read_feed("erp-customers", [fixture_bytes("erp_customers_mixed_encoding.csv")]))

    assert rows[1].record.name == "Crème – Brûlée" and not rows[1].warnings
    assert rows[0].record.name == "CafÃ© du Nord"  # UTF-8 bytes read as Windows-1252: as the rule says


@pytest.mark.parametrize("size", CHUNK_SIZES)
def test_crlf_lf_and_lone_cr_all_end_lines_even_when_a_crlf_is_cut(size):
    """INT-1: CRLF (the ERP), LF, and CR (old Mac exports) end a line; a CRLF cut between two
    chunks is one line end, not two."""
    text, _ = text_of(b"a,b\r\n1,2\n3,4\r5,6\r\n", size)

    assert list(csv.reader(text.splitlines(keepends=True))) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]]
    assert text.count("\n") + text.count("\r") - text.count("\r\n") == 4


def test_the_last_line_needs_no_line_end():
    assert list(decode_lines([b"a\r\nb"])) == ["a\r\n", "b"]


def test_windows_1252_undefined_bytes_read_as_control_characters_instead_of_failing():
    text, decoder = text_of(b"a\n\x81\x8d\xe9\n")

    assert decoder.encoding == "cp1252" and text == "a\n\x81\x8dé\n"


def test_a_utf16_file_is_refused_with_a_clear_reason():
    data = "name\nZoë\n".encode("utf-16")

    with pytest.raises(FeedRejected, match="UTF-16"):
        read_feed("erp-customers", [data])


def test_a_line_longer_than_the_reader_holds_breaks_the_file_where_it_is():
    """Bounded memory: a file without line ends cannot make the reader hold all of it."""
    data = b"name\nok\n" + b"x" * 5000

    with pytest.raises(FeedCorrupt) as caught:
        list(FeedDecoder(max_line_bytes=1000).lines(chunks_of(data, 256)))
    assert caught.value.line == 3


def test_chunks_may_be_empty_or_bytearrays():
    assert list(decode_lines([b"", bytearray(b"a\n"), b"", memoryview(b"b\n").tobytes()])) == ["a\n", "b\n"]
