import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

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
    __slots__ = ("id", "account_id", "first_name", "last_name", "title", "role", "emails", "email2", "phones", "holiday_card", "status", "linkedin_url", "legacy_id", "account_status", "account_type", "created_at", "updated_at", "version", "legacy", "editable")
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
    EDITABLE_FIELD_NUMBER: _ClassVar[int]
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
    editable: bool
    def __init__(self, id: _Optional[str] = ..., account_id: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., title: _Optional[str] = ..., role: _Optional[str] = ..., emails: _Optional[_Iterable[_Union[Email, _Mapping]]] = ..., email2: _Optional[str] = ..., phones: _Optional[_Iterable[_Union[Phone, _Mapping]]] = ..., holiday_card: _Optional[bool] = ..., status: _Optional[str] = ..., linkedin_url: _Optional[str] = ..., legacy_id: _Optional[str] = ..., account_status: _Optional[str] = ..., account_type: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., legacy: _Optional[_Union[LegacyContactReference, _Mapping]] = ..., editable: _Optional[bool] = ...) -> None: ...

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
    __slots__ = ("account_id", "page_size", "cursor")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    page_size: int
    cursor: str
    def __init__(self, account_id: _Optional[str] = ..., page_size: _Optional[int] = ..., cursor: _Optional[str] = ...) -> None: ...

class ListContactsResponse(_message.Message):
    __slots__ = ("contacts", "next_cursor")
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    contacts: _containers.RepeatedCompositeFieldContainer[Contact]
    next_cursor: str
    def __init__(self, contacts: _Optional[_Iterable[_Union[Contact, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

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
