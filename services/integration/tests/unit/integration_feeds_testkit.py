"""Helpers of the feed readers' tests: the fixture files, handed over in chunks as a job would."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from crm_integration.domain.feeds import ParsedRow, read_feed

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"


def chunks_of(data: bytes, size: int) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start:start + size]


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def read_fixture(kind: str, name: str, *, chunk_size: int = 7) -> list[ParsedRow]:
    """Every row of a fixture, fed in small chunks so that BOMs, CRLFs and characters are cut."""
    return list(read_feed(kind, chunks_of(fixture_bytes(name), chunk_size)))


def by_number(rows: list[ParsedRow]) -> dict[int, ParsedRow]:
    return {row.row_number: row for row in rows}


def problem_fields(row: ParsedRow) -> list[str]:
    return [problem.field for problem in row.problems]


def warning_fields(row: ParsedRow) -> list[str]:
    return [warning.field for warning in row.warnings]
