import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Lead(_message.Message):
    __slots__ = ("id", "first_name", "last_name", "company", "email", "phone", "state", "country", "source", "landing_page", "status", "unqualified_reason", "number_of_locations", "using_kiosks", "current_vendor", "current_vendor_account_id", "linkedin_url", "role", "rating", "owner_id", "message", "title", "created_at", "updated_at", "assigned_at", "version", "submission_count", "converted_account_id", "converted_contact_id", "converted_at", "campaign", "matched_account_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    LANDING_PAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    UNQUALIFIED_REASON_FIELD_NUMBER: _ClassVar[int]
    NUMBER_OF_LOCATIONS_FIELD_NUMBER: _ClassVar[int]
    USING_KIOSKS_FIELD_NUMBER: _ClassVar[int]
    CURRENT_VENDOR_FIELD_NUMBER: _ClassVar[int]
    CURRENT_VENDOR_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    LINKEDIN_URL_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    RATING_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_COUNT_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_AT_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    MATCHED_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    first_name: str
    last_name: str
    company: str
    email: str
    phone: str
    state: str
    country: str
    source: str
    landing_page: str
    status: str
    unqualified_reason: str
    number_of_locations: int
    using_kiosks: bool
    current_vendor: str
    current_vendor_account_id: str
    linkedin_url: str
    role: str
    rating: str
    owner_id: str
    message: str
    title: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    assigned_at: _timestamp_pb2.Timestamp
    version: int
    submission_count: int
    converted_account_id: str
    converted_contact_id: str
    converted_at: _timestamp_pb2.Timestamp
    campaign: str
    matched_account_id: str
    def __init__(self, id: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., company: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., state: _Optional[str] = ..., country: _Optional[str] = ..., source: _Optional[str] = ..., landing_page: _Optional[str] = ..., status: _Optional[str] = ..., unqualified_reason: _Optional[str] = ..., number_of_locations: _Optional[int] = ..., using_kiosks: _Optional[bool] = ..., current_vendor: _Optional[str] = ..., current_vendor_account_id: _Optional[str] = ..., linkedin_url: _Optional[str] = ..., role: _Optional[str] = ..., rating: _Optional[str] = ..., owner_id: _Optional[str] = ..., message: _Optional[str] = ..., title: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., assigned_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., submission_count: _Optional[int] = ..., converted_account_id: _Optional[str] = ..., converted_contact_id: _Optional[str] = ..., converted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., campaign: _Optional[str] = ..., matched_account_id: _Optional[str] = ...) -> None: ...

class LeadData(_message.Message):
    __slots__ = ("first_name", "last_name", "company", "email", "phone", "state", "country", "number_of_locations", "using_kiosks", "current_vendor", "linkedin_url", "role", "message", "title")
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    NUMBER_OF_LOCATIONS_FIELD_NUMBER: _ClassVar[int]
    USING_KIOSKS_FIELD_NUMBER: _ClassVar[int]
    CURRENT_VENDOR_FIELD_NUMBER: _ClassVar[int]
    LINKEDIN_URL_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    first_name: str
    last_name: str
    company: str
    email: str
    phone: str
    state: str
    country: str
    number_of_locations: int
    using_kiosks: bool
    current_vendor: str
    linkedin_url: str
    role: str
    message: str
    title: str
    def __init__(self, first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., company: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., state: _Optional[str] = ..., country: _Optional[str] = ..., number_of_locations: _Optional[int] = ..., using_kiosks: _Optional[bool] = ..., current_vendor: _Optional[str] = ..., linkedin_url: _Optional[str] = ..., role: _Optional[str] = ..., message: _Optional[str] = ..., title: _Optional[str] = ...) -> None: ...

class SubmitWebFormRequest(_message.Message):
    __slots__ = ("form_slug", "data", "submitted_at")
    FORM_SLUG_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_AT_FIELD_NUMBER: _ClassVar[int]
    form_slug: str
    data: LeadData
    submitted_at: _timestamp_pb2.Timestamp
    def __init__(self, form_slug: _Optional[str] = ..., data: _Optional[_Union[LeadData, _Mapping]] = ..., submitted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SubmitWebFormResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CreateLeadRequest(_message.Message):
    __slots__ = ("data", "source", "landing_page", "owner_id")
    DATA_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    LANDING_PAGE_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    data: LeadData
    source: str
    landing_page: str
    owner_id: str
    def __init__(self, data: _Optional[_Union[LeadData, _Mapping]] = ..., source: _Optional[str] = ..., landing_page: _Optional[str] = ..., owner_id: _Optional[str] = ...) -> None: ...

class GetLeadRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListLeadsRequest(_message.Message):
    __slots__ = ("statuses", "owner_ids", "sources", "landing_pages", "ratings", "created_from", "created_to", "text", "sort", "page_size", "cursor")
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    OWNER_IDS_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    LANDING_PAGES_FIELD_NUMBER: _ClassVar[int]
    RATINGS_FIELD_NUMBER: _ClassVar[int]
    CREATED_FROM_FIELD_NUMBER: _ClassVar[int]
    CREATED_TO_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    statuses: _containers.RepeatedScalarFieldContainer[str]
    owner_ids: _containers.RepeatedScalarFieldContainer[str]
    sources: _containers.RepeatedScalarFieldContainer[str]
    landing_pages: _containers.RepeatedScalarFieldContainer[str]
    ratings: _containers.RepeatedScalarFieldContainer[str]
    created_from: _timestamp_pb2.Timestamp
    created_to: _timestamp_pb2.Timestamp
    text: str
    sort: str
    page_size: int
    cursor: str
    def __init__(self, statuses: _Optional[_Iterable[str]] = ..., owner_ids: _Optional[_Iterable[str]] = ..., sources: _Optional[_Iterable[str]] = ..., landing_pages: _Optional[_Iterable[str]] = ..., ratings: _Optional[_Iterable[str]] = ..., created_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_to: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., text: _Optional[str] = ..., sort: _Optional[str] = ..., page_size: _Optional[int] = ..., cursor: _Optional[str] = ...) -> None: ...

class ListLeadsResponse(_message.Message):
    __slots__ = ("leads", "next_cursor")
    LEADS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    leads: _containers.RepeatedCompositeFieldContainer[Lead]
    next_cursor: str
    def __init__(self, leads: _Optional[_Iterable[_Union[Lead, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class LeadChanges(_message.Message):
    __slots__ = ("data", "status", "unqualified_reason", "owner_id", "current_vendor_account_id")
    DATA_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    UNQUALIFIED_REASON_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENT_VENDOR_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    data: LeadData
    status: str
    unqualified_reason: str
    owner_id: str
    current_vendor_account_id: str
    def __init__(self, data: _Optional[_Union[LeadData, _Mapping]] = ..., status: _Optional[str] = ..., unqualified_reason: _Optional[str] = ..., owner_id: _Optional[str] = ..., current_vendor_account_id: _Optional[str] = ...) -> None: ...

class UpdateLeadRequest(_message.Message):
    __slots__ = ("id", "changes", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    changes: LeadChanges
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., changes: _Optional[_Union[LeadChanges, _Mapping]] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ConvertLeadRequest(_message.Message):
    __slots__ = ("lead_id", "existing_account_id", "account_name")
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    EXISTING_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_NAME_FIELD_NUMBER: _ClassVar[int]
    lead_id: str
    existing_account_id: str
    account_name: str
    def __init__(self, lead_id: _Optional[str] = ..., existing_account_id: _Optional[str] = ..., account_name: _Optional[str] = ...) -> None: ...

class ConvertLeadResponse(_message.Message):
    __slots__ = ("lead", "account_id", "contact_id", "account_owner_id")
    LEAD_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    lead: Lead
    account_id: str
    contact_id: str
    account_owner_id: str
    def __init__(self, lead: _Optional[_Union[Lead, _Mapping]] = ..., account_id: _Optional[str] = ..., contact_id: _Optional[str] = ..., account_owner_id: _Optional[str] = ...) -> None: ...

class WebForm(_message.Message):
    __slots__ = ("id", "slug", "landing_page_name", "active", "created_at", "version")
    ID_FIELD_NUMBER: _ClassVar[int]
    SLUG_FIELD_NUMBER: _ClassVar[int]
    LANDING_PAGE_NAME_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    slug: str
    landing_page_name: str
    active: bool
    created_at: _timestamp_pb2.Timestamp
    version: int
    def __init__(self, id: _Optional[str] = ..., slug: _Optional[str] = ..., landing_page_name: _Optional[str] = ..., active: _Optional[bool] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ...) -> None: ...

class CreateWebFormRequest(_message.Message):
    __slots__ = ("slug", "landing_page_name")
    SLUG_FIELD_NUMBER: _ClassVar[int]
    LANDING_PAGE_NAME_FIELD_NUMBER: _ClassVar[int]
    slug: str
    landing_page_name: str
    def __init__(self, slug: _Optional[str] = ..., landing_page_name: _Optional[str] = ...) -> None: ...

class GetWebFormRequest(_message.Message):
    __slots__ = ("slug",)
    SLUG_FIELD_NUMBER: _ClassVar[int]
    slug: str
    def __init__(self, slug: _Optional[str] = ...) -> None: ...

class ListWebFormsRequest(_message.Message):
    __slots__ = ("page_size", "cursor")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    cursor: str
    def __init__(self, page_size: _Optional[int] = ..., cursor: _Optional[str] = ...) -> None: ...

class ListWebFormsResponse(_message.Message):
    __slots__ = ("forms", "next_cursor")
    FORMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    forms: _containers.RepeatedCompositeFieldContainer[WebForm]
    next_cursor: str
    def __init__(self, forms: _Optional[_Iterable[_Union[WebForm, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class UpdateWebFormRequest(_message.Message):
    __slots__ = ("slug", "landing_page_name", "active", "expected_version")
    SLUG_FIELD_NUMBER: _ClassVar[int]
    LANDING_PAGE_NAME_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    slug: str
    landing_page_name: str
    active: bool
    expected_version: int
    def __init__(self, slug: _Optional[str] = ..., landing_page_name: _Optional[str] = ..., active: _Optional[bool] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ImportedLead(_message.Message):
    __slots__ = ("data", "source", "campaign", "existing_contact_id", "matched_account_id", "key")
    DATA_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    EXISTING_CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    MATCHED_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    data: LeadData
    source: str
    campaign: str
    existing_contact_id: str
    matched_account_id: str
    key: str
    def __init__(self, data: _Optional[_Union[LeadData, _Mapping]] = ..., source: _Optional[str] = ..., campaign: _Optional[str] = ..., existing_contact_id: _Optional[str] = ..., matched_account_id: _Optional[str] = ..., key: _Optional[str] = ...) -> None: ...

class ImportLeadsRequest(_message.Message):
    __slots__ = ("leads",)
    LEADS_FIELD_NUMBER: _ClassVar[int]
    leads: _containers.RepeatedCompositeFieldContainer[ImportedLead]
    def __init__(self, leads: _Optional[_Iterable[_Union[ImportedLead, _Mapping]]] = ...) -> None: ...

class LeadImportOutcome(_message.Message):
    __slots__ = ("key", "outcome", "field", "reason", "lead_id")
    KEY_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    key: str
    outcome: str
    field: str
    reason: str
    lead_id: str
    def __init__(self, key: _Optional[str] = ..., outcome: _Optional[str] = ..., field: _Optional[str] = ..., reason: _Optional[str] = ..., lead_id: _Optional[str] = ...) -> None: ...

class ImportLeadsResponse(_message.Message):
    __slots__ = ("outcomes",)
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    outcomes: _containers.RepeatedCompositeFieldContainer[LeadImportOutcome]
    def __init__(self, outcomes: _Optional[_Iterable[_Union[LeadImportOutcome, _Mapping]]] = ...) -> None: ...
