from crm.leads.v1 import leads_pb2 as _leads_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class LeadCreated(_message.Message):
    __slots__ = ("lead",)
    LEAD_FIELD_NUMBER: _ClassVar[int]
    lead: _leads_pb2.Lead
    def __init__(self, lead: _Optional[_Union[_leads_pb2.Lead, _Mapping]] = ...) -> None: ...

class LeadAssigned(_message.Message):
    __slots__ = ("lead_id", "owner_id", "previous_owner_id", "rule")
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    lead_id: str
    owner_id: str
    previous_owner_id: str
    rule: str
    def __init__(self, lead_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., previous_owner_id: _Optional[str] = ..., rule: _Optional[str] = ...) -> None: ...

class LeadStatusChanged(_message.Message):
    __slots__ = ("lead_id", "from_status", "to_status", "unqualified_reason")
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    UNQUALIFIED_REASON_FIELD_NUMBER: _ClassVar[int]
    lead_id: str
    from_status: str
    to_status: str
    unqualified_reason: str
    def __init__(self, lead_id: _Optional[str] = ..., from_status: _Optional[str] = ..., to_status: _Optional[str] = ..., unqualified_reason: _Optional[str] = ...) -> None: ...

class LeadUpdated(_message.Message):
    __slots__ = ("lead", "changed_fields")
    LEAD_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    lead: _leads_pb2.Lead
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, lead: _Optional[_Union[_leads_pb2.Lead, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class LeadConverted(_message.Message):
    __slots__ = ("lead_id", "account_id", "contact_id", "account_owner_id", "account_name", "contact_name", "converted_by", "existing_account", "lead_source")
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTACT_NAME_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_BY_FIELD_NUMBER: _ClassVar[int]
    EXISTING_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    LEAD_SOURCE_FIELD_NUMBER: _ClassVar[int]
    lead_id: str
    account_id: str
    contact_id: str
    account_owner_id: str
    account_name: str
    contact_name: str
    converted_by: str
    existing_account: bool
    lead_source: str
    def __init__(self, lead_id: _Optional[str] = ..., account_id: _Optional[str] = ..., contact_id: _Optional[str] = ..., account_owner_id: _Optional[str] = ..., account_name: _Optional[str] = ..., contact_name: _Optional[str] = ..., converted_by: _Optional[str] = ..., existing_account: _Optional[bool] = ..., lead_source: _Optional[str] = ...) -> None: ...
