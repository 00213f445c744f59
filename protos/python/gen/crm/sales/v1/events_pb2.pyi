import datetime

from crm.sales.v1 import opportunities_pb2 as _opportunities_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OpportunityCreated(_message.Message):
    __slots__ = ("opportunity",)
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    opportunity: _opportunities_pb2.Opportunity
    def __init__(self, opportunity: _Optional[_Union[_opportunities_pb2.Opportunity, _Mapping]] = ...) -> None: ...

class OpportunityUpdated(_message.Message):
    __slots__ = ("opportunity", "changed_fields")
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    opportunity: _opportunities_pb2.Opportunity
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, opportunity: _Optional[_Union[_opportunities_pb2.Opportunity, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class OpportunityChanged(_message.Message):
    __slots__ = ("opportunity_id", "change", "opportunity")
    OPPORTUNITY_ID_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    opportunity_id: str
    change: _opportunities_pb2.HistoryEntry
    opportunity: _opportunities_pb2.Opportunity
    def __init__(self, opportunity_id: _Optional[str] = ..., change: _Optional[_Union[_opportunities_pb2.HistoryEntry, _Mapping]] = ..., opportunity: _Optional[_Union[_opportunities_pb2.Opportunity, _Mapping]] = ...) -> None: ...

class OpportunityStageOverdue(_message.Message):
    __slots__ = ("alert_id", "opportunity_id", "opportunity_name", "account_id", "account_name", "stage", "stage_name", "stage_entered_at", "threshold_days", "due_at", "owner_id", "rsm_id")
    ALERT_ID_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_ID_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_NAME_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_NAME_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    STAGE_NAME_FIELD_NUMBER: _ClassVar[int]
    STAGE_ENTERED_AT_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_DAYS_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    RSM_ID_FIELD_NUMBER: _ClassVar[int]
    alert_id: str
    opportunity_id: str
    opportunity_name: str
    account_id: str
    account_name: str
    stage: str
    stage_name: str
    stage_entered_at: _timestamp_pb2.Timestamp
    threshold_days: int
    due_at: _timestamp_pb2.Timestamp
    owner_id: str
    rsm_id: str
    def __init__(self, alert_id: _Optional[str] = ..., opportunity_id: _Optional[str] = ..., opportunity_name: _Optional[str] = ..., account_id: _Optional[str] = ..., account_name: _Optional[str] = ..., stage: _Optional[str] = ..., stage_name: _Optional[str] = ..., stage_entered_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., threshold_days: _Optional[int] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., owner_id: _Optional[str] = ..., rsm_id: _Optional[str] = ...) -> None: ...
