import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Alert(_message.Message):
    __slots__ = ("id", "opportunity_id", "opportunity_name", "account_id", "account_name", "stage", "stage_entered_at", "threshold_days", "due_at", "reason", "created_at", "read_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_ID_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_NAME_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_NAME_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    STAGE_ENTERED_AT_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_DAYS_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    READ_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    opportunity_id: str
    opportunity_name: str
    account_id: str
    account_name: str
    stage: str
    stage_entered_at: _timestamp_pb2.Timestamp
    threshold_days: int
    due_at: _timestamp_pb2.Timestamp
    reason: str
    created_at: _timestamp_pb2.Timestamp
    read_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., opportunity_id: _Optional[str] = ..., opportunity_name: _Optional[str] = ..., account_id: _Optional[str] = ..., account_name: _Optional[str] = ..., stage: _Optional[str] = ..., stage_entered_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., threshold_days: _Optional[int] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reason: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., read_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListMyAlertsRequest(_message.Message):
    __slots__ = ("page_size", "cursor", "unread_only")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    UNREAD_ONLY_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    cursor: str
    unread_only: bool
    def __init__(self, page_size: _Optional[int] = ..., cursor: _Optional[str] = ..., unread_only: _Optional[bool] = ...) -> None: ...

class ListMyAlertsResponse(_message.Message):
    __slots__ = ("alerts", "next_cursor", "unread_count")
    ALERTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    UNREAD_COUNT_FIELD_NUMBER: _ClassVar[int]
    alerts: _containers.RepeatedCompositeFieldContainer[Alert]
    next_cursor: str
    unread_count: int
    def __init__(self, alerts: _Optional[_Iterable[_Union[Alert, _Mapping]]] = ..., next_cursor: _Optional[str] = ..., unread_count: _Optional[int] = ...) -> None: ...

class MarkAlertReadRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class StageThreshold(_message.Message):
    __slots__ = ("stage", "name", "kind", "alert_after_days", "alert_rsm", "version")
    STAGE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    ALERT_AFTER_DAYS_FIELD_NUMBER: _ClassVar[int]
    ALERT_RSM_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    stage: str
    name: str
    kind: str
    alert_after_days: int
    alert_rsm: bool
    version: int
    def __init__(self, stage: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[str] = ..., alert_after_days: _Optional[int] = ..., alert_rsm: _Optional[bool] = ..., version: _Optional[int] = ...) -> None: ...

class GetStageThresholdsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class StageThresholds(_message.Message):
    __slots__ = ("stages",)
    STAGES_FIELD_NUMBER: _ClassVar[int]
    stages: _containers.RepeatedCompositeFieldContainer[StageThreshold]
    def __init__(self, stages: _Optional[_Iterable[_Union[StageThreshold, _Mapping]]] = ...) -> None: ...

class GetStageThresholdRequest(_message.Message):
    __slots__ = ("stage",)
    STAGE_FIELD_NUMBER: _ClassVar[int]
    stage: str
    def __init__(self, stage: _Optional[str] = ...) -> None: ...

class SetStageThresholdRequest(_message.Message):
    __slots__ = ("stage", "alert_after_days", "alert_rsm", "expected_version")
    STAGE_FIELD_NUMBER: _ClassVar[int]
    ALERT_AFTER_DAYS_FIELD_NUMBER: _ClassVar[int]
    ALERT_RSM_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    stage: str
    alert_after_days: int
    alert_rsm: bool
    expected_version: int
    def __init__(self, stage: _Optional[str] = ..., alert_after_days: _Optional[int] = ..., alert_rsm: _Optional[bool] = ..., expected_version: _Optional[int] = ...) -> None: ...
