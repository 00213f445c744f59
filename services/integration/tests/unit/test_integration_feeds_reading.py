"""What every feed shares: kinds, the header check, row numbering, broken rows, streaming (INT-1)."""
from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Iterator

import pytest
from integration_feeds_testkit import chunks_of, fixture_bytes, read_fixture

from crm_integration.domain.feeds import (
    KINDS,
    CustomerRecord,
    FeedRejected,
    ParsedRow,
    RowProblem,
    UnknownFeedKind,
    read_feed,
)

PUBLIC_KINDS = ["erp-customers", "erp-locations", "erp-kiosks", "erp-sales-orders", "erp-finance",
                "legacy-contacts", "legacy-email-history", "legacy-notes", "trade-show-leads"]


def test_the_registry_holds_exactly_the_public_kind_names():
    assert list(KINDS) == PUBLIC_KINDS
    assert all(feed.kind == kind and feed.required_columns for kind, feed in KINDS.items())


def test_an_unknown_kind_is_refused_naming_the_known_ones():
    with pytest.raises(UnknownFeedKind, match="erp-customers") as caught:
        read_feed("erp-contacts", [b"a\n"])
    assert caught.value.problems[0].field == "kind"


def test_a_header_without_required_columns_refuses_the_file_before_any_row():
    """INT-3: the whole file is refused, naming every missing column, and no row is read."""
    chunks_read = []

    def chunks() -> Iterator[bytes]:
        for chunk in chunks_of(fixture_bytes("erp_kiosks_missing_columns.csv"), 16):
            chunks_read.append(chunk)
            yield chunk

    with pytest.raises(FeedRejected) as caught:
        read_feed("erp-kiosks", chunks())

    assert caught.value.missing == ("install_date", "warranty_end_date")
    assert "install_date, warranty_end_date" in str(caught.value)
    assert [p.field for p in caught.value.problems] == ["header", "header"]
    assert len(b"".join(chunks_read)) < len(fixture_bytes("erp_kiosks_missing_columns.csv"))


def test_header_matching_ignores_case_spaces_separators_and_a_bom_and_extra_columns():
    """INT-3: " Serial Number ", "SHIP_TO_ID", "Operating-System" and a BOM still match."""
    [row] = read_fixture("erp-kiosks", "erp_kiosks_header_quirks.csv")

    assert row.record.serial_number == "KX-100-791036"
    assert row.raw["Serial Number"] == "KX-100-791036" and row.raw["extra"] == "ignored"


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"\r\n\r\n", "empty"),
    (b"customer_accounting_id,name,name,hq_state,active,segment\n", "more than once"),
])
def test_files_without_a_usable_header_are_refused(data, reason):
    with pytest.raises(FeedRejected, match=reason):
        read_feed("erp-customers", [data])


def test_raw_keeps_every_cell_even_under_blank_or_repeated_header_names():
    """The failed-row export gets the row back as it was."""
    data = b"customer_accounting_id,name,note,segment,hq_state,active,note,\nC1,,a,commercial,ND,Y,b,c\n"
    [row] = read_feed("erp-customers", [data])

    assert row.raw == {"customer_accounting_id": "C1", "name": "", "note": "a", "segment": "commercial",
                       "hq_state": "ND", "active": "Y", "note (7)": "b", "column_8": "c"}
    assert row.problems == (RowProblem("name", "is required"),)


def test_a_header_alone_is_a_file_of_no_rows():
    assert list(read_feed("erp-customers", [b"customer_accounting_id,name,segment,hq_state,active\r\n"])) == []


def test_blank_lines_are_not_rows_and_row_numbers_count_data_rows():
    """Counting rule: a blank line, or a row of empty cells, gets no number and no fate; `line`
    still points into the file."""
    rows = read_fixture("erp-customers", "erp_customers.csv")

    assert [row.row_number for row in rows] == list(range(1, 13))
    assert [row.line for row in rows][2:5] == [4, 6, 7]  # line 5 is blank
    assert rows[-1].line == 15  # line 14 is ",,,,"


def test_a_semicolon_separated_export_is_read_too():
    data = "customer_accounting_id;name;segment;hq_state;active\nC1;Zoë; Co;commercial;ND;Y\n".encode()
    rows = list(read_feed("erp-customers", [data]))

    assert rows[0].problems == (RowProblem("row", "has 6 cells where the header has 5; is a comma inside a "
                                                  "field missing its quotes?"),)
    data = b"customer_accounting_id;name;segment;hq_state;active\nC1;Harbor, Inc;commercial;ND;Y\n"
    assert list(read_feed("erp-customers", [data]))[0].record.name == "Harbor, Inc"


def test_broken_quoting_fails_that_row_alone_and_keeps_its_text():
    """INT-1: a bad row does not stop the job; the rows after it are read."""
    rows = read_fixture("erp-customers", "erp_customers_broken_quotes.csv")

    assert [row.outcome for row in rows] == [None, "failed", None, "failed"]
    assert "closing quote" in rows[1].problems[0].reason
    assert rows[1].raw == {"row": 'C10002,"Harbor "Stores" Holdings",commercial,ME,Y\n'}
    assert rows[3].problems[0].reason == "a quoted field is never closed before the end of the file"
    assert rows[3].raw["row"].startswith('C10004,"Liberty') and "C10005" in rows[3].raw["row"]


def test_rows_with_missing_or_extra_cells_fail_but_trailing_empty_cells_do_not():
    rows = read_fixture("erp-locations", "erp_ship_to_locations.csv")

    assert rows[10].outcome is None  # one trailing empty cell too many
    assert rows[11].problems[0].field == "row" and "12 cells" in rows[11].problems[0].reason
    assert rows[11].raw["column_12"] == "surprise"
    short = list(read_feed("erp-customers", [b"customer_accounting_id,name,segment,hq_state,active\nC1,X\n"]))
    assert short[0].problems[0].reason.startswith("has 2 cells where the header has 5")


def test_a_parsed_row_says_its_outcome():
    assert ParsedRow(1, None, (RowProblem("a", "b"),)).outcome == "failed"
    assert ParsedRow(1, None, skipped="old").outcome == "skipped"
    assert ParsedRow(1, CustomerRecord("C1", "X", "", "", True)).outcome is None


class GeneratedCustomers:
    """A customers file of `count` rows made on the fly (UTF-8 BOM, CRLF, accents, quoted commas),
    every row the same length, counting the bytes handed out so that a test sees how far ahead of
    the rows the reader has read."""

    HEADER = "\ufeffcustomer_accounting_id,name,segment,hq_state,active\r\n".encode()

    def __init__(self, count: int) -> None:
        self.count = count
        self.handed_out = 0
        self.row_length = len(self.row(0))

    @staticmethod
    def row(n: int) -> bytes:
        name = f"Café Zoë {n % 1000:03d} Harbor Stores & Pharmacy Holdings, Inc."
        return f'C{n:07d},"{name}",commercial,QC,Y\r\n'.encode()

    def chunks(self, size: int = 65536) -> Iterator[bytes]:
        pending = bytearray(self.HEADER)
        for n in range(self.count):
            pending += self.row(n)
            if len(pending) >= size:
                self.handed_out += len(pending)
                yield bytes(pending)
                pending.clear()
        self.handed_out += len(pending)
        yield bytes(pending)

    def bytes_through(self, row_number: int) -> int:
        return len(self.HEADER) + row_number * self.row_length


def test_a_200000_row_file_streams_in_bounded_memory():
    """INT-1: "streamed, so a file of a million rows runs in bounded memory". Over 200,000 rows the
    reader never reads more than two chunks ahead of the row it hands out, the count of live
    objects does not grow with the rows, and tracemalloc's peak over a stretch of 10,000 rows
    stays under 1 MiB (holding those rows, or the 0.9 MB of bytes read for them, would take more).
    tracemalloc is not kept on for the whole file: it makes every allocation several times
    slower, and the two other measures see any growth over the whole run."""
    source = GeneratedCustomers(200_000)
    rows = read_feed("erp-customers", source.chunks())
    blocks_before = sys.getallocatedblocks()
    most_ahead = most_blocks = peak = count = 0
    for row in rows:
        count += 1
        assert row.outcome is None
        if count % 5_000 == 0:
            most_ahead = max(most_ahead, source.handed_out - source.bytes_through(count))
            most_blocks = max(most_blocks, sys.getallocatedblocks() - blocks_before)
        if count == 100_000:
            tracemalloc.start()
        elif count == 110_000:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()

    assert count == 200_000 and row.line == 200_001
    assert row.record == CustomerRecord("C0199999", "Café Zoë 999 Harbor Stores & Pharmacy Holdings, Inc.",
                                        "commercial", "QC", True)
    assert most_ahead <= 2 * 65536
    assert most_blocks < 5_000
    assert 0 < peak < 1024 * 1024
