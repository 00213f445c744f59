import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Account(_message.Message):
    __slots__ = ("id", "name", "type", "subtype", "status", "territory", "owner_id", "parent_id", "directory_only", "customer_accounting_id", "number_of_locations", "key_account", "street", "city", "state", "postal_code", "country", "phone", "website", "created_at", "updated_at", "version", "erp_ship_to_id")
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
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., subtype: _Optional[str] = ..., status: _Optional[str] = ..., territory: _Optional[str] = ..., owner_id: _Optional[str] = ..., parent_id: _Optional[str] = ..., directory_only: _Optional[bool] = ..., customer_accounting_id: _Optional[str] = ..., number_of_locations: _Optional[int] = ..., key_account: _Optional[bool] = ..., street: _Optional[str] = ..., city: _Optional[str] = ..., state: _Optional[str] = ..., postal_code: _Optional[str] = ..., country: _Optional[str] = ..., phone: _Optional[str] = ..., website: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., erp_ship_to_id: _Optional[str] = ...) -> None: ...

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

class Email(_message.Message):
    __slots__ = ("address", "primary")
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    PRIMARY_FIELD_NUMBER: _ClassVar[int]
    address: str
    primary: bool
    def __init__(self, address: _Optional[str] = ..., primary: _Optional[bool] = ...) -> None: ...

class Phone(_message.Message):
    __slots__ = ("number", "type", "extension")
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    EXTENSION_FIELD_NUMBER: _ClassVar[int]
    number: str
    type: str
    extension: str
    def __init__(self, number: _Optional[str] = ..., type: _Optional[str] = ..., extension: _Optional[str] = ...) -> None: ...

class Contact(_message.Message):
    __slots__ = ("id", "account_id", "first_name", "last_name", "title", "role", "emails", "email2", "phones", "holiday_card", "status", "linkedin_url", "legacy_id", "account_status", "account_type", "created_at", "updated_at", "version", "legacy")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    EMAIL2_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    HOLIDAY_CARD_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    LINKEDIN_URL_FIELD_NUMBER: _ClassVar[int]
    LEGACY_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_STATUS_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    LEGACY_FIELD_NUMBER: _ClassVar[int]
    id: str
    account_id: str
    first_name: str
    last_name: str
    title: str
    role: str
    emails: _containers.RepeatedCompositeFieldContainer[Email]
    email2: str
    phones: _containers.RepeatedCompositeFieldContainer[Phone]
    holiday_card: bool
    status: str
    linkedin_url: str
    legacy_id: str
    account_status: str
    account_type: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    version: int
    legacy: LegacyContactReference
    def __init__(self, id: _Optional[str] = ..., account_id: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., title: _Optional[str] = ..., role: _Optional[str] = ..., emails: _Optional[_Iterable[_Union[Email, _Mapping]]] = ..., email2: _Optional[str] = ..., phones: _Optional[_Iterable[_Union[Phone, _Mapping]]] = ..., holiday_card: _Optional[bool] = ..., status: _Optional[str] = ..., linkedin_url: _Optional[str] = ..., legacy_id: _Optional[str] = ..., account_status: _Optional[str] = ..., account_type: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., legacy: _Optional[_Union[LegacyContactReference, _Mapping]] = ...) -> None: ...

class LegacyContactReference(_message.Message):
    __slots__ = ("company", "role", "street", "city", "state", "postal_code", "country", "annual_revenue", "last_result")
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    STREET_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    POSTAL_CODE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    ANNUAL_REVENUE_FIELD_NUMBER: _ClassVar[int]
    LAST_RESULT_FIELD_NUMBER: _ClassVar[int]
    company: str
    role: str
    street: str
    city: str
    state: str
    postal_code: str
    country: str
    annual_revenue: str
    last_result: str
    def __init__(self, company: _Optional[str] = ..., role: _Optional[str] = ..., street: _Optional[str] = ..., city: _Optional[str] = ..., state: _Optional[str] = ..., postal_code: _Optional[str] = ..., country: _Optional[str] = ..., annual_revenue: _Optional[str] = ..., last_result: _Optional[str] = ...) -> None: ...

class ContactData(_message.Message):
    __slots__ = ("first_name", "last_name", "title", "role", "set_emails", "emails", "set_phones", "phones", "holiday_card", "status", "linkedin_url", "legacy_id")
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    SET_EMAILS_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    SET_PHONES_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    HOLIDAY_CARD_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    LINKEDIN_URL_FIELD_NUMBER: _ClassVar[int]
    LEGACY_ID_FIELD_NUMBER: _ClassVar[int]
    first_name: str
    last_name: str
    title: str
    role: str
    set_emails: bool
    emails: _containers.RepeatedCompositeFieldContainer[Email]
    set_phones: bool
    phones: _containers.RepeatedCompositeFieldContainer[Phone]
    holiday_card: bool
    status: str
    linkedin_url: str
    legacy_id: str
    def __init__(self, first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., title: _Optional[str] = ..., role: _Optional[str] = ..., set_emails: _Optional[bool] = ..., emails: _Optional[_Iterable[_Union[Email, _Mapping]]] = ..., set_phones: _Optional[bool] = ..., phones: _Optional[_Iterable[_Union[Phone, _Mapping]]] = ..., holiday_card: _Optional[bool] = ..., status: _Optional[str] = ..., linkedin_url: _Optional[str] = ..., legacy_id: _Optional[str] = ...) -> None: ...

class CreateContactRequest(_message.Message):
    __slots__ = ("account_id", "data", "id")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    data: ContactData
    id: str
    def __init__(self, account_id: _Optional[str] = ..., data: _Optional[_Union[ContactData, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class GetContactRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class UpdateContactRequest(_message.Message):
    __slots__ = ("id", "changes", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    changes: ContactData
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., changes: _Optional[_Union[ContactData, _Mapping]] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ListContactsRequest(_message.Message):
    __slots__ = ("account_id",)
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    def __init__(self, account_id: _Optional[str] = ...) -> None: ...

class ListContactsResponse(_message.Message):
    __slots__ = ("contacts",)
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    contacts: _containers.RepeatedCompositeFieldContainer[Contact]
    def __init__(self, contacts: _Optional[_Iterable[_Union[Contact, _Mapping]]] = ...) -> None: ...

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
    __slots__ = ("location_account_id", "serial_number")
    LOCATION_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    SERIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    location_account_id: str
    serial_number: str
    def __init__(self, location_account_id: _Optional[str] = ..., serial_number: _Optional[str] = ...) -> None: ...

class ListKiosksResponse(_message.Message):
    __slots__ = ("kiosks",)
    KIOSKS_FIELD_NUMBER: _ClassVar[int]
    kiosks: _containers.RepeatedCompositeFieldContainer[Kiosk]
    def __init__(self, kiosks: _Optional[_Iterable[_Union[Kiosk, _Mapping]]] = ...) -> None: ...

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
    __slots__ = ("account_id",)
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    def __init__(self, account_id: _Optional[str] = ...) -> None: ...

class ListSharesResponse(_message.Message):
    __slots__ = ("shares",)
    SHARES_FIELD_NUMBER: _ClassVar[int]
    shares: _containers.RepeatedCompositeFieldContainer[Share]
    def __init__(self, shares: _Optional[_Iterable[_Union[Share, _Mapping]]] = ...) -> None: ...

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

class SearchContactsRequest(_message.Message):
    __slots__ = ("query", "page_size")
    QUERY_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    query: str
    page_size: int
    def __init__(self, query: _Optional[str] = ..., page_size: _Optional[int] = ...) -> None: ...

class ContactMatch(_message.Message):
    __slots__ = ("contact", "account_name")
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_NAME_FIELD_NUMBER: _ClassVar[int]
    contact: Contact
    account_name: str
    def __init__(self, contact: _Optional[_Union[Contact, _Mapping]] = ..., account_name: _Optional[str] = ...) -> None: ...

class SearchContactsResponse(_message.Message):
    __slots__ = ("contacts",)
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    contacts: _containers.RepeatedCompositeFieldContainer[ContactMatch]
    def __init__(self, contacts: _Optional[_Iterable[_Union[ContactMatch, _Mapping]]] = ...) -> None: ...

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
    contacts: _containers.RepeatedCompositeFieldContainer[Contact]
    contacts_count: int
    kiosks: KioskCounts
    orders: _containers.RepeatedCompositeFieldContainer[SalesOrder]
    order_totals: _containers.RepeatedCompositeFieldContainer[OrderTotal]
    orders_since: str
    finance: Finance
    activities: _containers.RepeatedCompositeFieldContainer[Activity]
    def __init__(self, account: _Optional[_Union[Account, _Mapping]] = ..., parent: _Optional[_Union[Account, _Mapping]] = ..., children: _Optional[_Iterable[_Union[Account, _Mapping]]] = ..., children_count: _Optional[int] = ..., contacts: _Optional[_Iterable[_Union[Contact, _Mapping]]] = ..., contacts_count: _Optional[int] = ..., kiosks: _Optional[_Union[KioskCounts, _Mapping]] = ..., orders: _Optional[_Iterable[_Union[SalesOrder, _Mapping]]] = ..., order_totals: _Optional[_Iterable[_Union[OrderTotal, _Mapping]]] = ..., orders_since: _Optional[str] = ..., finance: _Optional[_Union[Finance, _Mapping]] = ..., activities: _Optional[_Iterable[_Union[Activity, _Mapping]]] = ...) -> None: ...

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
    phones: _containers.RepeatedCompositeFieldContainer[Phone]
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
    def __init__(self, legacy_id: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., title: _Optional[str] = ..., role: _Optional[str] = ..., emails: _Optional[_Iterable[str]] = ..., phones: _Optional[_Iterable[_Union[Phone, _Mapping]]] = ..., company: _Optional[str] = ..., company_key: _Optional[str] = ..., street: _Optional[str] = ..., city: _Optional[str] = ..., state: _Optional[str] = ..., postal_code: _Optional[str] = ..., country: _Optional[str] = ..., status: _Optional[str] = ..., annual_revenue: _Optional[str] = ..., last_result: _Optional[str] = ...) -> None: ...

class UpsertLegacyContactsRequest(_message.Message):
    __slots__ = ("rows",)
    ROWS_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[LegacyContactRow]
    def __init__(self, rows: _Optional[_Iterable[_Union[LegacyContactRow, _Mapping]]] = ...) -> None: ...

class Activity(_message.Message):
    __slots__ = ("id", "kind", "subject", "body", "occurred_at", "account_id", "contact_id", "lead_id", "direction", "from_address", "to_address", "author", "legacy_key", "created_at", "updated_at", "version")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    DIRECTION_FIELD_NUMBER: _ClassVar[int]
    FROM_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TO_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_FIELD_NUMBER: _ClassVar[int]
    LEGACY_KEY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    subject: str
    body: str
    occurred_at: _timestamp_pb2.Timestamp
    account_id: str
    contact_id: str
    lead_id: str
    direction: str
    from_address: str
    to_address: str
    author: str
    legacy_key: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    version: int
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., occurred_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., account_id: _Optional[str] = ..., contact_id: _Optional[str] = ..., lead_id: _Optional[str] = ..., direction: _Optional[str] = ..., from_address: _Optional[str] = ..., to_address: _Optional[str] = ..., author: _Optional[str] = ..., legacy_key: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ...) -> None: ...

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

class ListActivitiesRequest(_message.Message):
    __slots__ = ("account_id", "contact_id", "kinds", "page_size", "cursor")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    KINDS_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    contact_id: str
    kinds: _containers.RepeatedScalarFieldContainer[str]
    page_size: int
    cursor: str
    def __init__(self, account_id: _Optional[str] = ..., contact_id: _Optional[str] = ..., kinds: _Optional[_Iterable[str]] = ..., page_size: _Optional[int] = ..., cursor: _Optional[str] = ...) -> None: ...

class ListActivitiesResponse(_message.Message):
    __slots__ = ("activities", "next_cursor")
    ACTIVITIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    activities: _containers.RepeatedCompositeFieldContainer[Activity]
    next_cursor: str
    def __init__(self, activities: _Optional[_Iterable[_Union[Activity, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class CreateActivityRequest(_message.Message):
    __slots__ = ("account_id", "contact_id", "kind", "subject", "body", "occurred_at", "direction")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    DIRECTION_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    contact_id: str
    kind: str
    subject: str
    body: str
    occurred_at: str
    direction: str
    def __init__(self, account_id: _Optional[str] = ..., contact_id: _Optional[str] = ..., kind: _Optional[str] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., occurred_at: _Optional[str] = ..., direction: _Optional[str] = ...) -> None: ...
