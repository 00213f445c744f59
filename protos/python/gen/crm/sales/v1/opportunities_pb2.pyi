import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Opportunity(_message.Message):
    __slots__ = ("id", "account_id", "account_name", "name", "type", "stage", "stage_entered_at", "probability", "forecast_category", "amount", "currency", "exchange_rate", "close_date", "committed", "owner_id", "sdr_id", "lead_source", "lead_id", "loss_reason", "lost_at_stage", "closed_at", "description", "competitor_ids", "created_by", "created_at", "updated_at", "version")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    STAGE_ENTERED_AT_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    FORECAST_CATEGORY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    EXCHANGE_RATE_FIELD_NUMBER: _ClassVar[int]
    CLOSE_DATE_FIELD_NUMBER: _ClassVar[int]
    COMMITTED_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    SDR_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_SOURCE_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    LOSS_REASON_FIELD_NUMBER: _ClassVar[int]
    LOST_AT_STAGE_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    COMPETITOR_IDS_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    account_id: str
    account_name: str
    name: str
    type: str
    stage: str
    stage_entered_at: _timestamp_pb2.Timestamp
    probability: int
    forecast_category: str
    amount: str
    currency: str
    exchange_rate: str
    close_date: str
    committed: bool
    owner_id: str
    sdr_id: str
    lead_source: str
    lead_id: str
    loss_reason: str
    lost_at_stage: str
    closed_at: _timestamp_pb2.Timestamp
    description: str
    competitor_ids: _containers.RepeatedScalarFieldContainer[str]
    created_by: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    version: int
    def __init__(self, id: _Optional[str] = ..., account_id: _Optional[str] = ..., account_name: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., stage: _Optional[str] = ..., stage_entered_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., probability: _Optional[int] = ..., forecast_category: _Optional[str] = ..., amount: _Optional[str] = ..., currency: _Optional[str] = ..., exchange_rate: _Optional[str] = ..., close_date: _Optional[str] = ..., committed: _Optional[bool] = ..., owner_id: _Optional[str] = ..., sdr_id: _Optional[str] = ..., lead_source: _Optional[str] = ..., lead_id: _Optional[str] = ..., loss_reason: _Optional[str] = ..., lost_at_stage: _Optional[str] = ..., closed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., description: _Optional[str] = ..., competitor_ids: _Optional[_Iterable[str]] = ..., created_by: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ...) -> None: ...

class HistoryEntry(_message.Message):
    __slots__ = ("field", "from_value", "to_value", "at", "by", "reason")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    FROM_VALUE_FIELD_NUMBER: _ClassVar[int]
    TO_VALUE_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    BY_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    field: str
    from_value: str
    to_value: str
    at: _timestamp_pb2.Timestamp
    by: str
    reason: str
    def __init__(self, field: _Optional[str] = ..., from_value: _Optional[str] = ..., to_value: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., by: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class Competitor(_message.Message):
    __slots__ = ("id", "name")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class OpportunityDetail(_message.Message):
    __slots__ = ("opportunity", "competitors", "history", "seconds_in_stage")
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    COMPETITORS_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    SECONDS_IN_STAGE_FIELD_NUMBER: _ClassVar[int]
    opportunity: Opportunity
    competitors: _containers.RepeatedCompositeFieldContainer[Competitor]
    history: _containers.RepeatedCompositeFieldContainer[HistoryEntry]
    seconds_in_stage: int
    def __init__(self, opportunity: _Optional[_Union[Opportunity, _Mapping]] = ..., competitors: _Optional[_Iterable[_Union[Competitor, _Mapping]]] = ..., history: _Optional[_Iterable[_Union[HistoryEntry, _Mapping]]] = ..., seconds_in_stage: _Optional[int] = ...) -> None: ...

class OpportunityData(_message.Message):
    __slots__ = ("name", "type", "stage", "probability", "amount", "currency", "exchange_rate", "close_date", "committed", "owner_id", "loss_reason", "description", "set_competitors", "competitor_ids")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    EXCHANGE_RATE_FIELD_NUMBER: _ClassVar[int]
    CLOSE_DATE_FIELD_NUMBER: _ClassVar[int]
    COMMITTED_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    LOSS_REASON_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SET_COMPETITORS_FIELD_NUMBER: _ClassVar[int]
    COMPETITOR_IDS_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: str
    stage: str
    probability: int
    amount: str
    currency: str
    exchange_rate: str
    close_date: str
    committed: bool
    owner_id: str
    loss_reason: str
    description: str
    set_competitors: bool
    competitor_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., type: _Optional[str] = ..., stage: _Optional[str] = ..., probability: _Optional[int] = ..., amount: _Optional[str] = ..., currency: _Optional[str] = ..., exchange_rate: _Optional[str] = ..., close_date: _Optional[str] = ..., committed: _Optional[bool] = ..., owner_id: _Optional[str] = ..., loss_reason: _Optional[str] = ..., description: _Optional[str] = ..., set_competitors: _Optional[bool] = ..., competitor_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateOpportunityRequest(_message.Message):
    __slots__ = ("id", "account_id", "data")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    id: str
    account_id: str
    data: OpportunityData
    def __init__(self, id: _Optional[str] = ..., account_id: _Optional[str] = ..., data: _Optional[_Union[OpportunityData, _Mapping]] = ...) -> None: ...

class GetOpportunityRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class UpdateOpportunityRequest(_message.Message):
    __slots__ = ("id", "data", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    data: OpportunityData
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., data: _Optional[_Union[OpportunityData, _Mapping]] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ReopenOpportunityRequest(_message.Message):
    __slots__ = ("id", "stage", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    stage: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., stage: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class CorrectSdrCreditRequest(_message.Message):
    __slots__ = ("id", "sdr_id", "lead_source", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    SDR_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_SOURCE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    sdr_id: str
    lead_source: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., sdr_id: _Optional[str] = ..., lead_source: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ListOpportunitiesRequest(_message.Message):
    __slots__ = ("page_size", "cursor", "sort", "owner_ids", "stages", "account_ids", "close_date_from", "close_date_to", "open_only")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    OWNER_IDS_FIELD_NUMBER: _ClassVar[int]
    STAGES_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    CLOSE_DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    CLOSE_DATE_TO_FIELD_NUMBER: _ClassVar[int]
    OPEN_ONLY_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    cursor: str
    sort: str
    owner_ids: _containers.RepeatedScalarFieldContainer[str]
    stages: _containers.RepeatedScalarFieldContainer[str]
    account_ids: _containers.RepeatedScalarFieldContainer[str]
    close_date_from: str
    close_date_to: str
    open_only: bool
    def __init__(self, page_size: _Optional[int] = ..., cursor: _Optional[str] = ..., sort: _Optional[str] = ..., owner_ids: _Optional[_Iterable[str]] = ..., stages: _Optional[_Iterable[str]] = ..., account_ids: _Optional[_Iterable[str]] = ..., close_date_from: _Optional[str] = ..., close_date_to: _Optional[str] = ..., open_only: _Optional[bool] = ...) -> None: ...

class ListOpportunitiesResponse(_message.Message):
    __slots__ = ("opportunities", "next_cursor")
    OPPORTUNITIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    opportunities: _containers.RepeatedCompositeFieldContainer[Opportunity]
    next_cursor: str
    def __init__(self, opportunities: _Optional[_Iterable[_Union[Opportunity, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class Stage(_message.Message):
    __slots__ = ("code", "name", "position", "kind", "probability", "forecast_category")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    FORECAST_CATEGORY_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    position: int
    kind: str
    probability: int
    forecast_category: str
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., position: _Optional[int] = ..., kind: _Optional[str] = ..., probability: _Optional[int] = ..., forecast_category: _Optional[str] = ...) -> None: ...

class LossReason(_message.Message):
    __slots__ = ("code", "name", "position")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    position: int
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., position: _Optional[int] = ...) -> None: ...

class GetSalesProcessRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SalesProcess(_message.Message):
    __slots__ = ("stages", "loss_reasons")
    STAGES_FIELD_NUMBER: _ClassVar[int]
    LOSS_REASONS_FIELD_NUMBER: _ClassVar[int]
    stages: _containers.RepeatedCompositeFieldContainer[Stage]
    loss_reasons: _containers.RepeatedCompositeFieldContainer[LossReason]
    def __init__(self, stages: _Optional[_Iterable[_Union[Stage, _Mapping]]] = ..., loss_reasons: _Optional[_Iterable[_Union[LossReason, _Mapping]]] = ...) -> None: ...
