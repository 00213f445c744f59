from crm.sales.v1 import opportunities_pb2 as _opportunities_pb2
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
