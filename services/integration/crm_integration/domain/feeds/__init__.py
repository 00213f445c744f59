"""Feed readers of the integration service: a file's bytes to typed rows or row-level problems.

Pure domain code (no database, network or gRPC). The job that imports a file calls

    rows = read_feed("erp-kiosks", chunks)   # reads the header now: FeedRejected if columns lack
    for row in rows:                          # ParsedRow, one per data row, streamed
        row.outcome                           # "failed" | "skipped" | None (the service decides)

`KINDS` maps each public kind name to its Feed (columns, record type, parser, key).
"""
from __future__ import annotations

from collections.abc import Iterable

from crm_integration.domain.feeds import erp, legacy, trade_show
from crm_integration.domain.feeds.decoding import FeedDecoder, decode_lines
from crm_integration.domain.feeds.erp import (
    CustomerRecord,
    FinanceRecord,
    KioskRecord,
    LocationRecord,
    SalesOrderRecord,
)
from crm_integration.domain.feeds.legacy import HISTORY_START, ActivityRecord, LegacyContactRecord
from crm_integration.domain.feeds.model import (
    Column,
    Feed,
    FeedCorrupt,
    FeedError,
    FeedRejected,
    ParsedRow,
    RowProblem,
    UnknownFeedKind,
)
from crm_integration.domain.feeds.names import split_full_name
from crm_integration.domain.feeds.reading import FeedRows, read_rows
from crm_integration.domain.feeds.trade_show import TradeShowLeadRecord
from crm_integration.domain.feeds.values import (
    Phone,
    parse_amount,
    parse_date,
    parse_datetime,
    parse_email,
    parse_email_list,
    parse_phone,
)

KINDS: dict[str, Feed] = {feed.kind: feed for feed in (*erp.FEEDS, *legacy.FEEDS, *trade_show.FEEDS)}


def feed_of(kind: str) -> Feed:
    """The Feed of a public kind name; UnknownFeedKind (naming the known ones) otherwise."""
    try:
        return KINDS[kind]
    except KeyError:
        raise UnknownFeedKind(kind, tuple(KINDS)) from None


def read_feed(kind: str, chunks: Iterable[bytes]) -> FeedRows:
    """The rows of a file of `kind` given as chunks of bytes (any sizes). Raises UnknownFeedKind,
    or FeedRejected (no header, a required column missing, a column repeated, UTF-16) before any
    row; FeedRows is an Iterator[ParsedRow] that also tells `encoding` and `header`."""
    return read_rows(feed_of(kind), chunks)


__all__ = [
    "HISTORY_START", "KINDS", "ActivityRecord", "Column", "CustomerRecord", "Feed", "FeedCorrupt", "FeedDecoder",
    "FeedError", "FeedRejected", "FeedRows", "FinanceRecord", "KioskRecord", "LegacyContactRecord",
    "LocationRecord", "ParsedRow", "Phone", "RowProblem", "SalesOrderRecord", "TradeShowLeadRecord",
    "UnknownFeedKind", "decode_lines", "feed_of", "parse_amount",
    "parse_date", "parse_datetime", "parse_email", "parse_email_list", "parse_phone", "read_feed", "split_full_name",
]
