import datetime

from crm.accounts.v1 import contacts_pb2 as _contacts_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SalesOrder(_message.Message):
    __slots__ = ("sales_order_number", "po_number", "customer_accounting_id", "salesperson", "territory", "order_date", "ship_date", "total_amount", "currency", "account_id", "updated_at")
    SALES_ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    PO_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ACCOUNTING_ID_FIELD_NUMBER: _ClassVar[int]
    SALESPERSON_FIELD_NUMBER: _ClassVar[int]
    TERRITORY_FIELD_NUMBER: _ClassVar[int]
    ORDER_DATE_FIELD_NUMBER: _ClassVar[int]
    SHIP_DATE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    sales_order_number: str
    po_number: str
    customer_accounting_id: str
    salesperson: str
    territory: str
    order_date: str
    ship_date: str
    total_amount: str
    currency: str
    account_id: str
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, sales_order_number: _Optional[str] = ..., po_number: _Optional[str] = ..., customer_accounting_id: _Optional[str] = ..., salesperson: _Optional[str] = ..., territory: _Optional[str] = ..., order_date: _Optional[str] = ..., ship_date: _Optional[str] = ..., total_amount: _Optional[str] = ..., currency: _Optional[str] = ..., account_id: _Optional[str] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Finance(_message.Message):
    __slots__ = ("customer_accounting_id", "as_of_date", "mtd_sales", "ytd_sales", "prior_ytd_sales", "credit_limit", "past_due_amount", "currency", "account_id", "updated_at")
    CUSTOMER_ACCOUNTING_ID_FIELD_NUMBER: _ClassVar[int]
    AS_OF_DATE_FIELD_NUMBER: _ClassVar[int]
    MTD_SALES_FIELD_NUMBER: _ClassVar[int]
    YTD_SALES_FIELD_NUMBER: _ClassVar[int]
    PRIOR_YTD_SALES_FIELD_NUMBER: _ClassVar[int]
    CREDIT_LIMIT_FIELD_NUMBER: _ClassVar[int]
    PAST_DUE_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    customer_accounting_id: str
    as_of_date: str
    mtd_sales: str
    ytd_sales: str
    prior_ytd_sales: str
    credit_limit: str
    past_due_amount: str
    currency: str
    account_id: str
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, customer_accounting_id: _Optional[str] = ..., as_of_date: _Optional[str] = ..., mtd_sales: _Optional[str] = ..., ytd_sales: _Optional[str] = ..., prior_ytd_sales: _Optional[str] = ..., credit_limit: _Optional[str] = ..., past_due_amount: _Optional[str] = ..., currency: _Optional[str] = ..., account_id: _Optional[str] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class UpsertSalesOrdersRequest(_message.Message):
    __slots__ = ("orders",)
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    orders: _containers.RepeatedCompositeFieldContainer[SalesOrder]
    def __init__(self, orders: _Optional[_Iterable[_Union[SalesOrder, _Mapping]]] = ...) -> None: ...

class UpsertFinanceRequest(_message.Message):
    __slots__ = ("rows",)
    ROWS_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[Finance]
    def __init__(self, rows: _Optional[_Iterable[_Union[Finance, _Mapping]]] = ...) -> None: ...

class UpsertOutcome(_message.Message):
    __slots__ = ("key", "outcome", "field", "reason")
    KEY_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    key: str
    outcome: str
    field: str
    reason: str
    def __init__(self, key: _Optional[str] = ..., outcome: _Optional[str] = ..., field: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class UpsertResponse(_message.Message):
    __slots__ = ("outcomes",)
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    outcomes: _containers.RepeatedCompositeFieldContainer[UpsertOutcome]
    def __init__(self, outcomes: _Optional[_Iterable[_Union[UpsertOutcome, _Mapping]]] = ...) -> None: ...

class ListSalesOrdersRequest(_message.Message):
    __slots__ = ("account_id", "since", "page_size", "cursor")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    since: str
    page_size: int
    cursor: str
    def __init__(self, account_id: _Optional[str] = ..., since: _Optional[str] = ..., page_size: _Optional[int] = ..., cursor: _Optional[str] = ...) -> None: ...

class OrderTotal(_message.Message):
    __slots__ = ("currency", "total_amount", "order_count")
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    TOTAL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    ORDER_COUNT_FIELD_NUMBER: _ClassVar[int]
    currency: str
    total_amount: str
    order_count: int
    def __init__(self, currency: _Optional[str] = ..., total_amount: _Optional[str] = ..., order_count: _Optional[int] = ...) -> None: ...

class ListSalesOrdersResponse(_message.Message):
    __slots__ = ("orders", "totals", "since", "next_cursor")
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    orders: _containers.RepeatedCompositeFieldContainer[SalesOrder]
    totals: _containers.RepeatedCompositeFieldContainer[OrderTotal]
    since: str
    next_cursor: str
    def __init__(self, orders: _Optional[_Iterable[_Union[SalesOrder, _Mapping]]] = ..., totals: _Optional[_Iterable[_Union[OrderTotal, _Mapping]]] = ..., since: _Optional[str] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class GetFinanceRequest(_message.Message):
    __slots__ = ("account_id",)
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    def __init__(self, account_id: _Optional[str] = ...) -> None: ...

class CompanyRow(_message.Message):
    __slots__ = ("customer_accounting_id", "name", "hq_state", "active")
    CUSTOMER_ACCOUNTING_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    HQ_STATE_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    customer_accounting_id: str
    name: str
    hq_state: str
    active: bool
    def __init__(self, customer_accounting_id: _Optional[str] = ..., name: _Optional[str] = ..., hq_state: _Optional[str] = ..., active: _Optional[bool] = ...) -> None: ...

class UpsertCompaniesRequest(_message.Message):
    __slots__ = ("rows",)
    ROWS_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[CompanyRow]
    def __init__(self, rows: _Optional[_Iterable[_Union[CompanyRow, _Mapping]]] = ...) -> None: ...

class LocationRow(_message.Message):
    __slots__ = ("ship_to_id", "customer_accounting_id", "name", "subtype", "street", "city", "state", "postal_code", "country", "phone", "active")
    SHIP_TO_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ACCOUNTING_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SUBTYPE_FIELD_NUMBER: _ClassVar[int]
    STREET_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    POSTAL_CODE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    ship_to_id: str
    customer_accounting_id: str
    name: str
    subtype: str
    street: str
    city: str
    state: str
    postal_code: str
    country: str
    phone: str
    active: bool
    def __init__(self, ship_to_id: _Optional[str] = ..., customer_accounting_id: _Optional[str] = ..., name: _Optional[str] = ..., subtype: _Optional[str] = ..., street: _Optional[str] = ..., city: _Optional[str] = ..., state: _Optional[str] = ..., postal_code: _Optional[str] = ..., country: _Optional[str] = ..., phone: _Optional[str] = ..., active: _Optional[bool] = ...) -> None: ...

class UpsertLocationsRequest(_message.Message):
    __slots__ = ("rows",)
    ROWS_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[LocationRow]
    def __init__(self, rows: _Optional[_Iterable[_Union[LocationRow, _Mapping]]] = ...) -> None: ...

class KioskRow(_message.Message):
    __slots__ = ("serial_number", "ship_to_id", "model", "operating_system", "software_version", "install_date", "warranty_end_date")
    SERIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    SHIP_TO_ID_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    OPERATING_SYSTEM_FIELD_NUMBER: _ClassVar[int]
    SOFTWARE_VERSION_FIELD_NUMBER: _ClassVar[int]
    INSTALL_DATE_FIELD_NUMBER: _ClassVar[int]
    WARRANTY_END_DATE_FIELD_NUMBER: _ClassVar[int]
    serial_number: str
    ship_to_id: str
    model: str
    operating_system: str
    software_version: str
    install_date: str
    warranty_end_date: str
    def __init__(self, serial_number: _Optional[str] = ..., ship_to_id: _Optional[str] = ..., model: _Optional[str] = ..., operating_system: _Optional[str] = ..., software_version: _Optional[str] = ..., install_date: _Optional[str] = ..., warranty_end_date: _Optional[str] = ...) -> None: ...

class UpsertKiosksRequest(_message.Message):
    __slots__ = ("rows",)
    ROWS_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[KioskRow]
    def __init__(self, rows: _Optional[_Iterable[_Union[KioskRow, _Mapping]]] = ...) -> None: ...

class MatchDirectoryRequest(_message.Message):
    __slots__ = ("emails", "company_keys")
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    COMPANY_KEYS_FIELD_NUMBER: _ClassVar[int]
    emails: _containers.RepeatedScalarFieldContainer[str]
    company_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, emails: _Optional[_Iterable[str]] = ..., company_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class EmailMatch(_message.Message):
    __slots__ = ("email", "contact_id", "account_id")
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    email: str
    contact_id: str
    account_id: str
    def __init__(self, email: _Optional[str] = ..., contact_id: _Optional[str] = ..., account_id: _Optional[str] = ...) -> None: ...

class CompanyMatch(_message.Message):
    __slots__ = ("company_key", "account_id", "account_name")
    COMPANY_KEY_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_NAME_FIELD_NUMBER: _ClassVar[int]
    company_key: str
    account_id: str
    account_name: str
    def __init__(self, company_key: _Optional[str] = ..., account_id: _Optional[str] = ..., account_name: _Optional[str] = ...) -> None: ...

class MatchDirectoryResponse(_message.Message):
    __slots__ = ("contacts", "companies")
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    COMPANIES_FIELD_NUMBER: _ClassVar[int]
    contacts: _containers.RepeatedCompositeFieldContainer[EmailMatch]
    companies: _containers.RepeatedCompositeFieldContainer[CompanyMatch]
    def __init__(self, contacts: _Optional[_Iterable[_Union[EmailMatch, _Mapping]]] = ..., companies: _Optional[_Iterable[_Union[CompanyMatch, _Mapping]]] = ...) -> None: ...

class LegacyContactRow(_message.Message):
    __slots__ = ("legacy_id", "first_name", "last_name", "title", "role", "emails", "phones", "company", "company_key", "street", "city", "state", "postal_code", "country", "status", "annual_revenue", "last_result")
    LEGACY_ID_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    COMPANY_KEY_FIELD_NUMBER: _ClassVar[int]
    STREET_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    POSTAL_CODE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ANNUAL_REVENUE_FIELD_NUMBER: _ClassVar[int]
    LAST_RESULT_FIELD_NUMBER: _ClassVar[int]
    legacy_id: str
    first_name: str
    last_name: str
    title: str
    role: str
    emails: _containers.RepeatedScalarFieldContainer[str]
    phones: _containers.RepeatedCompositeFieldContainer[_contacts_pb2.Phone]
    company: str
    company_key: str
    street: str
    city: str
    state: str
    postal_code: str
    country: str
    status: str
    annual_revenue: str
    last_result: str
    def __init__(self, legacy_id: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., title: _Optional[str] = ..., role: _Optional[str] = ..., emails: _Optional[_Iterable[str]] = ..., phones: _Optional[_Iterable[_Union[_contacts_pb2.Phone, _Mapping]]] = ..., company: _Optional[str] = ..., company_key: _Optional[str] = ..., street: _Optional[str] = ..., city: _Optional[str] = ..., state: _Optional[str] = ..., postal_code: _Optional[str] = ..., country: _Optional[str] = ..., status: _Optional[str] = ..., annual_revenue: _Optional[str] = ..., last_result: _Optional[str] = ...) -> None: ...

class UpsertLegacyContactsRequest(_message.Message):
    __slots__ = ("rows",)
    ROWS_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[LegacyContactRow]
    def __init__(self, rows: _Optional[_Iterable[_Union[LegacyContactRow, _Mapping]]] = ...) -> None: ...

class LegacyActivityRow(_message.Message):
    __slots__ = ("legacy_key", "kind", "contact_legacy_id", "occurred_at", "subject", "body", "direction", "from_address", "to_address", "author")
    LEGACY_KEY_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CONTACT_LEGACY_ID_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    DIRECTION_FIELD_NUMBER: _ClassVar[int]
    FROM_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TO_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_FIELD_NUMBER: _ClassVar[int]
    legacy_key: str
    kind: str
    contact_legacy_id: str
    occurred_at: str
    subject: str
    body: str
    direction: str
    from_address: str
    to_address: str
    author: str
    def __init__(self, legacy_key: _Optional[str] = ..., kind: _Optional[str] = ..., contact_legacy_id: _Optional[str] = ..., occurred_at: _Optional[str] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., direction: _Optional[str] = ..., from_address: _Optional[str] = ..., to_address: _Optional[str] = ..., author: _Optional[str] = ...) -> None: ...

class UpsertLegacyActivitiesRequest(_message.Message):
    __slots__ = ("rows",)
    ROWS_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[LegacyActivityRow]
    def __init__(self, rows: _Optional[_Iterable[_Union[LegacyActivityRow, _Mapping]]] = ...) -> None: ...
