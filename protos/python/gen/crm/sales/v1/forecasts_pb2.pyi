import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Money(_message.Message):
    __slots__ = ("currency", "amount")
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    currency: str
    amount: str
    def __init__(self, currency: _Optional[str] = ..., amount: _Optional[str] = ...) -> None: ...

class ForecastPeriod(_message.Message):
    __slots__ = ("key", "kind", "fiscal_year", "number", "start", "end")
    KEY_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    FISCAL_YEAR_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    key: str
    kind: str
    fiscal_year: int
    number: int
    start: str
    end: str
    def __init__(self, key: _Optional[str] = ..., kind: _Optional[str] = ..., fiscal_year: _Optional[int] = ..., number: _Optional[int] = ..., start: _Optional[str] = ..., end: _Optional[str] = ...) -> None: ...

class ForecastCell(_message.Message):
    __slots__ = ("period_key", "owner_id", "category", "amounts", "converted", "count")
    PERIOD_KEY_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    AMOUNTS_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    period_key: str
    owner_id: str
    category: str
    amounts: _containers.RepeatedCompositeFieldContainer[Money]
    converted: str
    count: int
    def __init__(self, period_key: _Optional[str] = ..., owner_id: _Optional[str] = ..., category: _Optional[str] = ..., amounts: _Optional[_Iterable[_Union[Money, _Mapping]]] = ..., converted: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class ForecastOwner(_message.Message):
    __slots__ = ("id", "name", "role", "manager_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    MANAGER_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    role: str
    manager_id: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., role: _Optional[str] = ..., manager_id: _Optional[str] = ...) -> None: ...

class TeamRollup(_message.Message):
    __slots__ = ("manager_id", "name", "owner_ids", "cells")
    MANAGER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    OWNER_IDS_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    manager_id: str
    name: str
    owner_ids: _containers.RepeatedScalarFieldContainer[str]
    cells: _containers.RepeatedCompositeFieldContainer[ForecastCell]
    def __init__(self, manager_id: _Optional[str] = ..., name: _Optional[str] = ..., owner_ids: _Optional[_Iterable[str]] = ..., cells: _Optional[_Iterable[_Union[ForecastCell, _Mapping]]] = ...) -> None: ...

class Quota(_message.Message):
    __slots__ = ("owner_id", "period_key", "amount", "currency", "set_by", "set_at", "version", "closed_won", "attainment")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_KEY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    SET_BY_FIELD_NUMBER: _ClassVar[int]
    SET_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CLOSED_WON_FIELD_NUMBER: _ClassVar[int]
    ATTAINMENT_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    period_key: str
    amount: str
    currency: str
    set_by: str
    set_at: _timestamp_pb2.Timestamp
    version: int
    closed_won: str
    attainment: str
    def __init__(self, owner_id: _Optional[str] = ..., period_key: _Optional[str] = ..., amount: _Optional[str] = ..., currency: _Optional[str] = ..., set_by: _Optional[str] = ..., set_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., closed_won: _Optional[str] = ..., attainment: _Optional[str] = ...) -> None: ...

class Forecast(_message.Message):
    __slots__ = ("period_kind", "fiscal_year", "as_of", "currency", "periods", "owners", "cells", "teams", "totals", "quotas", "categories")
    PERIOD_KIND_FIELD_NUMBER: _ClassVar[int]
    FISCAL_YEAR_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    PERIODS_FIELD_NUMBER: _ClassVar[int]
    OWNERS_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    QUOTAS_FIELD_NUMBER: _ClassVar[int]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    period_kind: str
    fiscal_year: int
    as_of: str
    currency: str
    periods: _containers.RepeatedCompositeFieldContainer[ForecastPeriod]
    owners: _containers.RepeatedCompositeFieldContainer[ForecastOwner]
    cells: _containers.RepeatedCompositeFieldContainer[ForecastCell]
    teams: _containers.RepeatedCompositeFieldContainer[TeamRollup]
    totals: _containers.RepeatedCompositeFieldContainer[ForecastCell]
    quotas: _containers.RepeatedCompositeFieldContainer[Quota]
    categories: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, period_kind: _Optional[str] = ..., fiscal_year: _Optional[int] = ..., as_of: _Optional[str] = ..., currency: _Optional[str] = ..., periods: _Optional[_Iterable[_Union[ForecastPeriod, _Mapping]]] = ..., owners: _Optional[_Iterable[_Union[ForecastOwner, _Mapping]]] = ..., cells: _Optional[_Iterable[_Union[ForecastCell, _Mapping]]] = ..., teams: _Optional[_Iterable[_Union[TeamRollup, _Mapping]]] = ..., totals: _Optional[_Iterable[_Union[ForecastCell, _Mapping]]] = ..., quotas: _Optional[_Iterable[_Union[Quota, _Mapping]]] = ..., categories: _Optional[_Iterable[str]] = ...) -> None: ...

class GetForecastRequest(_message.Message):
    __slots__ = ("period_kind", "fiscal_year", "as_of", "owner_id")
    PERIOD_KIND_FIELD_NUMBER: _ClassVar[int]
    FISCAL_YEAR_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    period_kind: str
    fiscal_year: int
    as_of: str
    owner_id: str
    def __init__(self, period_kind: _Optional[str] = ..., fiscal_year: _Optional[int] = ..., as_of: _Optional[str] = ..., owner_id: _Optional[str] = ...) -> None: ...

class CellOpportunitiesRequest(_message.Message):
    __slots__ = ("period_key", "owner_id", "category", "as_of")
    PERIOD_KEY_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    period_key: str
    owner_id: str
    category: str
    as_of: str
    def __init__(self, period_key: _Optional[str] = ..., owner_id: _Optional[str] = ..., category: _Optional[str] = ..., as_of: _Optional[str] = ...) -> None: ...

class CellOpportunity(_message.Message):
    __slots__ = ("id", "name", "account_id", "account_name", "owner_id", "stage", "committed", "amount", "currency", "converted", "close_date")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_NAME_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    COMMITTED_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_FIELD_NUMBER: _ClassVar[int]
    CLOSE_DATE_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    account_id: str
    account_name: str
    owner_id: str
    stage: str
    committed: bool
    amount: str
    currency: str
    converted: str
    close_date: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., account_id: _Optional[str] = ..., account_name: _Optional[str] = ..., owner_id: _Optional[str] = ..., stage: _Optional[str] = ..., committed: _Optional[bool] = ..., amount: _Optional[str] = ..., currency: _Optional[str] = ..., converted: _Optional[str] = ..., close_date: _Optional[str] = ...) -> None: ...

class CellOpportunitiesResponse(_message.Message):
    __slots__ = ("opportunities", "converted", "currency")
    OPPORTUNITIES_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    opportunities: _containers.RepeatedCompositeFieldContainer[CellOpportunity]
    converted: str
    currency: str
    def __init__(self, opportunities: _Optional[_Iterable[_Union[CellOpportunity, _Mapping]]] = ..., converted: _Optional[str] = ..., currency: _Optional[str] = ...) -> None: ...

class SetQuotaRequest(_message.Message):
    __slots__ = ("owner_id", "period_key", "amount", "currency", "expected_version")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_KEY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    period_key: str
    amount: str
    currency: str
    expected_version: int
    def __init__(self, owner_id: _Optional[str] = ..., period_key: _Optional[str] = ..., amount: _Optional[str] = ..., currency: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ListQuotasRequest(_message.Message):
    __slots__ = ("fiscal_year", "period_kind", "owner_id")
    FISCAL_YEAR_FIELD_NUMBER: _ClassVar[int]
    PERIOD_KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    fiscal_year: int
    period_kind: str
    owner_id: str
    def __init__(self, fiscal_year: _Optional[int] = ..., period_kind: _Optional[str] = ..., owner_id: _Optional[str] = ...) -> None: ...

class ListQuotasResponse(_message.Message):
    __slots__ = ("quotas",)
    QUOTAS_FIELD_NUMBER: _ClassVar[int]
    quotas: _containers.RepeatedCompositeFieldContainer[Quota]
    def __init__(self, quotas: _Optional[_Iterable[_Union[Quota, _Mapping]]] = ...) -> None: ...
