import datetime

from crm.accounts.v1 import activities_pb2 as _activities_pb2
from crm.accounts.v1 import contacts_pb2 as _contacts_pb2
from crm.accounts.v1 import erp_records_pb2 as _erp_records_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Account(_message.Message):
    __slots__ = ("id", "name", "type", "subtype", "status", "territory", "owner_id", "parent_id", "directory_only", "customer_accounting_id", "number_of_locations", "key_account", "street", "city", "state", "postal_code", "country", "phone", "website", "created_at", "updated_at", "version", "erp_ship_to_id", "editable")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SUBTYPE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TERRITORY_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    DIRECTORY_ONLY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ACCOUNTING_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_OF_LOCATIONS_FIELD_NUMBER: _ClassVar[int]
    KEY_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    STREET_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    POSTAL_CODE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    WEBSITE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ERP_SHIP_TO_ID_FIELD_NUMBER: _ClassVar[int]
    EDITABLE_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    type: str
    subtype: str
    status: str
    territory: str
    owner_id: str
    parent_id: str
    directory_only: bool
    customer_accounting_id: str
    number_of_locations: int
    key_account: bool
    street: str
    city: str
    state: str
    postal_code: str
    country: str
    phone: str
    website: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    version: int
    erp_ship_to_id: str
    editable: bool
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., subtype: _Optional[str] = ..., status: _Optional[str] = ..., territory: _Optional[str] = ..., owner_id: _Optional[str] = ..., parent_id: _Optional[str] = ..., directory_only: _Optional[bool] = ..., customer_accounting_id: _Optional[str] = ..., number_of_locations: _Optional[int] = ..., key_account: _Optional[bool] = ..., street: _Optional[str] = ..., city: _Optional[str] = ..., state: _Optional[str] = ..., postal_code: _Optional[str] = ..., country: _Optional[str] = ..., phone: _Optional[str] = ..., website: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., erp_ship_to_id: _Optional[str] = ..., editable: _Optional[bool] = ...) -> None: ...

class AccountData(_message.Message):
    __slots__ = ("name", "customer_accounting_id", "type", "subtype", "parent_id", "key_account", "street", "city", "state", "postal_code", "country", "phone", "website", "owner_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ACCOUNTING_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SUBTYPE_FIELD_NUMBER: _ClassVar[int]
    PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    KEY_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    STREET_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    POSTAL_CODE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    WEBSITE_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    customer_accounting_id: str
    type: str
    subtype: str
    parent_id: str
    key_account: bool
    street: str
    city: str
    state: str
    postal_code: str
    country: str
    phone: str
    website: str
    owner_id: str
    def __init__(self, name: _Optional[str] = ..., customer_accounting_id: _Optional[str] = ..., type: _Optional[str] = ..., subtype: _Optional[str] = ..., parent_id: _Optional[str] = ..., key_account: _Optional[bool] = ..., street: _Optional[str] = ..., city: _Optional[str] = ..., state: _Optional[str] = ..., postal_code: _Optional[str] = ..., country: _Optional[str] = ..., phone: _Optional[str] = ..., website: _Optional[str] = ..., owner_id: _Optional[str] = ...) -> None: ...

class CreateAccountRequest(_message.Message):
    __slots__ = ("data", "id")
    DATA_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    data: AccountData
    id: str
    def __init__(self, data: _Optional[_Union[AccountData, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class GetAccountRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class UpdateAccountRequest(_message.Message):
    __slots__ = ("id", "changes", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    changes: AccountData
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., changes: _Optional[_Union[AccountData, _Mapping]] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ChangeAccountStatusRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ListAccountsRequest(_message.Message):
    __slots__ = ("types", "subtypes", "statuses", "territories", "owner_ids", "parent_id", "text", "sort", "page_size", "cursor")
    TYPES_FIELD_NUMBER: _ClassVar[int]
    SUBTYPES_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    TERRITORIES_FIELD_NUMBER: _ClassVar[int]
    OWNER_IDS_FIELD_NUMBER: _ClassVar[int]
    PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    types: _containers.RepeatedScalarFieldContainer[str]
    subtypes: _containers.RepeatedScalarFieldContainer[str]
    statuses: _containers.RepeatedScalarFieldContainer[str]
    territories: _containers.RepeatedScalarFieldContainer[str]
    owner_ids: _containers.RepeatedScalarFieldContainer[str]
    parent_id: str
    text: str
    sort: str
    page_size: int
    cursor: str
    def __init__(self, types: _Optional[_Iterable[str]] = ..., subtypes: _Optional[_Iterable[str]] = ..., statuses: _Optional[_Iterable[str]] = ..., territories: _Optional[_Iterable[str]] = ..., owner_ids: _Optional[_Iterable[str]] = ..., parent_id: _Optional[str] = ..., text: _Optional[str] = ..., sort: _Optional[str] = ..., page_size: _Optional[int] = ..., cursor: _Optional[str] = ...) -> None: ...

class ListAccountsResponse(_message.Message):
    __slots__ = ("accounts", "next_cursor")
    ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    accounts: _containers.RepeatedCompositeFieldContainer[Account]
    next_cursor: str
    def __init__(self, accounts: _Optional[_Iterable[_Union[Account, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class GetHierarchyRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class Hierarchy(_message.Message):
    __slots__ = ("root_id", "accounts")
    ROOT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    root_id: str
    accounts: _containers.RepeatedCompositeFieldContainer[Account]
    def __init__(self, root_id: _Optional[str] = ..., accounts: _Optional[_Iterable[_Union[Account, _Mapping]]] = ...) -> None: ...

class Share(_message.Message):
    __slots__ = ("account_id", "user_id", "access", "granted_by", "granted_at")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCESS_FIELD_NUMBER: _ClassVar[int]
    GRANTED_BY_FIELD_NUMBER: _ClassVar[int]
    GRANTED_AT_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    user_id: str
    access: str
    granted_by: str
    granted_at: _timestamp_pb2.Timestamp
    def __init__(self, account_id: _Optional[str] = ..., user_id: _Optional[str] = ..., access: _Optional[str] = ..., granted_by: _Optional[str] = ..., granted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ShareAccountRequest(_message.Message):
    __slots__ = ("account_id", "user_id", "access")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCESS_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    user_id: str
    access: str
    def __init__(self, account_id: _Optional[str] = ..., user_id: _Optional[str] = ..., access: _Optional[str] = ...) -> None: ...

class RevokeShareRequest(_message.Message):
    __slots__ = ("account_id", "user_id")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    user_id: str
    def __init__(self, account_id: _Optional[str] = ..., user_id: _Optional[str] = ...) -> None: ...

class RevokeShareResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListSharesRequest(_message.Message):
    __slots__ = ("account_id", "page_size", "cursor")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    page_size: int
    cursor: str
    def __init__(self, account_id: _Optional[str] = ..., page_size: _Optional[int] = ..., cursor: _Optional[str] = ...) -> None: ...

class ListSharesResponse(_message.Message):
    __slots__ = ("shares", "next_cursor")
    SHARES_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    shares: _containers.RepeatedCompositeFieldContainer[Share]
    next_cursor: str
    def __init__(self, shares: _Optional[_Iterable[_Union[Share, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class ReassignAccountsRequest(_message.Message):
    __slots__ = ("from_user_id", "to_user_id")
    FROM_USER_ID_FIELD_NUMBER: _ClassVar[int]
    TO_USER_ID_FIELD_NUMBER: _ClassVar[int]
    from_user_id: str
    to_user_id: str
    def __init__(self, from_user_id: _Optional[str] = ..., to_user_id: _Optional[str] = ...) -> None: ...

class ReassignAccountsResponse(_message.Message):
    __slots__ = ("account_ids",)
    ACCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    account_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, account_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class SearchAccountsRequest(_message.Message):
    __slots__ = ("query", "page_size")
    QUERY_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    query: str
    page_size: int
    def __init__(self, query: _Optional[str] = ..., page_size: _Optional[int] = ...) -> None: ...

class SearchAccountsResponse(_message.Message):
    __slots__ = ("accounts",)
    ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    accounts: _containers.RepeatedCompositeFieldContainer[Account]
    def __init__(self, accounts: _Optional[_Iterable[_Union[Account, _Mapping]]] = ...) -> None: ...

class GetAccountOverviewRequest(_message.Message):
    __slots__ = ("account_id",)
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    def __init__(self, account_id: _Optional[str] = ...) -> None: ...

class KioskCounts(_message.Message):
    __slots__ = ("in_warranty", "expiring", "expired", "unknown", "total")
    IN_WARRANTY_FIELD_NUMBER: _ClassVar[int]
    EXPIRING_FIELD_NUMBER: _ClassVar[int]
    EXPIRED_FIELD_NUMBER: _ClassVar[int]
    UNKNOWN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    in_warranty: int
    expiring: int
    expired: int
    unknown: int
    total: int
    def __init__(self, in_warranty: _Optional[int] = ..., expiring: _Optional[int] = ..., expired: _Optional[int] = ..., unknown: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class AccountOverview(_message.Message):
    __slots__ = ("account", "parent", "children", "children_count", "contacts", "contacts_count", "kiosks", "orders", "order_totals", "orders_since", "finance", "activities")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    CHILDREN_FIELD_NUMBER: _ClassVar[int]
    CHILDREN_COUNT_FIELD_NUMBER: _ClassVar[int]
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    CONTACTS_COUNT_FIELD_NUMBER: _ClassVar[int]
    KIOSKS_FIELD_NUMBER: _ClassVar[int]
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    ORDER_TOTALS_FIELD_NUMBER: _ClassVar[int]
    ORDERS_SINCE_FIELD_NUMBER: _ClassVar[int]
    FINANCE_FIELD_NUMBER: _ClassVar[int]
    ACTIVITIES_FIELD_NUMBER: _ClassVar[int]
    account: Account
    parent: Account
    children: _containers.RepeatedCompositeFieldContainer[Account]
    children_count: int
    contacts: _containers.RepeatedCompositeFieldContainer[_contacts_pb2.Contact]
    contacts_count: int
    kiosks: KioskCounts
    orders: _containers.RepeatedCompositeFieldContainer[_erp_records_pb2.SalesOrder]
    order_totals: _containers.RepeatedCompositeFieldContainer[_erp_records_pb2.OrderTotal]
    orders_since: str
    finance: _erp_records_pb2.Finance
    activities: _containers.RepeatedCompositeFieldContainer[_activities_pb2.Activity]
    def __init__(self, account: _Optional[_Union[Account, _Mapping]] = ..., parent: _Optional[_Union[Account, _Mapping]] = ..., children: _Optional[_Iterable[_Union[Account, _Mapping]]] = ..., children_count: _Optional[int] = ..., contacts: _Optional[_Iterable[_Union[_contacts_pb2.Contact, _Mapping]]] = ..., contacts_count: _Optional[int] = ..., kiosks: _Optional[_Union[KioskCounts, _Mapping]] = ..., orders: _Optional[_Iterable[_Union[_erp_records_pb2.SalesOrder, _Mapping]]] = ..., order_totals: _Optional[_Iterable[_Union[_erp_records_pb2.OrderTotal, _Mapping]]] = ..., orders_since: _Optional[str] = ..., finance: _Optional[_Union[_erp_records_pb2.Finance, _Mapping]] = ..., activities: _Optional[_Iterable[_Union[_activities_pb2.Activity, _Mapping]]] = ...) -> None: ...
