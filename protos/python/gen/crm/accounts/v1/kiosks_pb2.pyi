import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Kiosk(_message.Message):
    __slots__ = ("id", "serial_number", "model", "operating_system", "software_version", "install_date", "warranty_end_date", "location_account_id", "warranty_state", "created_at", "updated_at", "version")
    ID_FIELD_NUMBER: _ClassVar[int]
    SERIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    OPERATING_SYSTEM_FIELD_NUMBER: _ClassVar[int]
    SOFTWARE_VERSION_FIELD_NUMBER: _ClassVar[int]
    INSTALL_DATE_FIELD_NUMBER: _ClassVar[int]
    WARRANTY_END_DATE_FIELD_NUMBER: _ClassVar[int]
    LOCATION_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    WARRANTY_STATE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    serial_number: str
    model: str
    operating_system: str
    software_version: str
    install_date: str
    warranty_end_date: str
    location_account_id: str
    warranty_state: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    version: int
    def __init__(self, id: _Optional[str] = ..., serial_number: _Optional[str] = ..., model: _Optional[str] = ..., operating_system: _Optional[str] = ..., software_version: _Optional[str] = ..., install_date: _Optional[str] = ..., warranty_end_date: _Optional[str] = ..., location_account_id: _Optional[str] = ..., warranty_state: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ...) -> None: ...

class KioskData(_message.Message):
    __slots__ = ("serial_number", "model", "operating_system", "software_version", "install_date", "warranty_end_date", "location_account_id")
    SERIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    OPERATING_SYSTEM_FIELD_NUMBER: _ClassVar[int]
    SOFTWARE_VERSION_FIELD_NUMBER: _ClassVar[int]
    INSTALL_DATE_FIELD_NUMBER: _ClassVar[int]
    WARRANTY_END_DATE_FIELD_NUMBER: _ClassVar[int]
    LOCATION_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    serial_number: str
    model: str
    operating_system: str
    software_version: str
    install_date: str
    warranty_end_date: str
    location_account_id: str
    def __init__(self, serial_number: _Optional[str] = ..., model: _Optional[str] = ..., operating_system: _Optional[str] = ..., software_version: _Optional[str] = ..., install_date: _Optional[str] = ..., warranty_end_date: _Optional[str] = ..., location_account_id: _Optional[str] = ...) -> None: ...

class CreateKioskRequest(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: KioskData
    def __init__(self, data: _Optional[_Union[KioskData, _Mapping]] = ...) -> None: ...

class GetKioskRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class UpdateKioskRequest(_message.Message):
    __slots__ = ("id", "changes", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    changes: KioskData
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., changes: _Optional[_Union[KioskData, _Mapping]] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ListKiosksRequest(_message.Message):
    __slots__ = ("location_account_id", "serial_number", "page_size", "cursor")
    LOCATION_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    SERIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    location_account_id: str
    serial_number: str
    page_size: int
    cursor: str
    def __init__(self, location_account_id: _Optional[str] = ..., serial_number: _Optional[str] = ..., page_size: _Optional[int] = ..., cursor: _Optional[str] = ...) -> None: ...

class ListKiosksResponse(_message.Message):
    __slots__ = ("kiosks", "next_cursor")
    KIOSKS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    kiosks: _containers.RepeatedCompositeFieldContainer[Kiosk]
    next_cursor: str
    def __init__(self, kiosks: _Optional[_Iterable[_Union[Kiosk, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...
