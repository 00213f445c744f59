import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ImportUpload(_message.Message):
    __slots__ = ("start", "chunk")
    START_FIELD_NUMBER: _ClassVar[int]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    start: ImportStart
    chunk: bytes
    def __init__(self, start: _Optional[_Union[ImportStart, _Mapping]] = ..., chunk: _Optional[bytes] = ...) -> None: ...

class ImportStart(_message.Message):
    __slots__ = ("kind", "filename", "source")
    KIND_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    kind: str
    filename: str
    source: str
    def __init__(self, kind: _Optional[str] = ..., filename: _Optional[str] = ..., source: _Optional[str] = ...) -> None: ...

class ImportCounts(_message.Message):
    __slots__ = ("rows_read", "created", "updated", "unchanged", "skipped", "failed")
    ROWS_READ_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    UPDATED_FIELD_NUMBER: _ClassVar[int]
    UNCHANGED_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    rows_read: int
    created: int
    updated: int
    unchanged: int
    skipped: int
    failed: int
    def __init__(self, rows_read: _Optional[int] = ..., created: _Optional[int] = ..., updated: _Optional[int] = ..., unchanged: _Optional[int] = ..., skipped: _Optional[int] = ..., failed: _Optional[int] = ...) -> None: ...

class ImportJob(_message.Message):
    __slots__ = ("id", "kind", "filename", "source", "status", "counts", "error", "created_by", "size_bytes", "created_at", "started_at", "finished_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    filename: str
    source: str
    status: str
    counts: ImportCounts
    error: str
    created_by: str
    size_bytes: int
    created_at: _timestamp_pb2.Timestamp
    started_at: _timestamp_pb2.Timestamp
    finished_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., filename: _Optional[str] = ..., source: _Optional[str] = ..., status: _Optional[str] = ..., counts: _Optional[_Union[ImportCounts, _Mapping]] = ..., error: _Optional[str] = ..., created_by: _Optional[str] = ..., size_bytes: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., finished_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetImportRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListImportsRequest(_message.Message):
    __slots__ = ("page_size", "cursor")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    cursor: str
    def __init__(self, page_size: _Optional[int] = ..., cursor: _Optional[str] = ...) -> None: ...

class ListImportsResponse(_message.Message):
    __slots__ = ("jobs", "next_cursor")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[ImportJob]
    next_cursor: str
    def __init__(self, jobs: _Optional[_Iterable[_Union[ImportJob, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class ImportFailure(_message.Message):
    __slots__ = ("row_number", "field", "reason", "cells")
    ROW_NUMBER_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    row_number: int
    field: str
    reason: str
    cells: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, row_number: _Optional[int] = ..., field: _Optional[str] = ..., reason: _Optional[str] = ..., cells: _Optional[_Iterable[str]] = ...) -> None: ...

class ListImportFailuresRequest(_message.Message):
    __slots__ = ("job_id", "page_size", "cursor")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    page_size: int
    cursor: str
    def __init__(self, job_id: _Optional[str] = ..., page_size: _Optional[int] = ..., cursor: _Optional[str] = ...) -> None: ...

class ListImportFailuresResponse(_message.Message):
    __slots__ = ("columns", "failures", "next_cursor")
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    FAILURES_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    columns: _containers.RepeatedScalarFieldContainer[str]
    failures: _containers.RepeatedCompositeFieldContainer[ImportFailure]
    next_cursor: str
    def __init__(self, columns: _Optional[_Iterable[str]] = ..., failures: _Optional[_Iterable[_Union[ImportFailure, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...
