from crm.accounts.v1 import accounts_pb2 as _accounts_pb2
from crm.accounts.v1 import activities_pb2 as _activities_pb2
from crm.accounts.v1 import contacts_pb2 as _contacts_pb2
from crm.accounts.v1 import erp_records_pb2 as _erp_records_pb2
from crm.accounts.v1 import kiosks_pb2 as _kiosks_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AccountCreated(_message.Message):
    __slots__ = ("account",)
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    account: _accounts_pb2.Account
    def __init__(self, account: _Optional[_Union[_accounts_pb2.Account, _Mapping]] = ...) -> None: ...

class AccountUpdated(_message.Message):
    __slots__ = ("account", "changed_fields")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    account: _accounts_pb2.Account
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, account: _Optional[_Union[_accounts_pb2.Account, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class AccountDeactivated(_message.Message):
    __slots__ = ("account",)
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    account: _accounts_pb2.Account
    def __init__(self, account: _Optional[_Union[_accounts_pb2.Account, _Mapping]] = ...) -> None: ...

class AccountReassigned(_message.Message):
    __slots__ = ("account", "previous_owner_id")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    account: _accounts_pb2.Account
    previous_owner_id: str
    def __init__(self, account: _Optional[_Union[_accounts_pb2.Account, _Mapping]] = ..., previous_owner_id: _Optional[str] = ...) -> None: ...

class ContactCreated(_message.Message):
    __slots__ = ("contact",)
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    contact: _contacts_pb2.Contact
    def __init__(self, contact: _Optional[_Union[_contacts_pb2.Contact, _Mapping]] = ...) -> None: ...

class ContactUpdated(_message.Message):
    __slots__ = ("contact", "changed_fields")
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    contact: _contacts_pb2.Contact
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, contact: _Optional[_Union[_contacts_pb2.Contact, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class KioskCreated(_message.Message):
    __slots__ = ("kiosk",)
    KIOSK_FIELD_NUMBER: _ClassVar[int]
    kiosk: _kiosks_pb2.Kiosk
    def __init__(self, kiosk: _Optional[_Union[_kiosks_pb2.Kiosk, _Mapping]] = ...) -> None: ...

class KioskUpdated(_message.Message):
    __slots__ = ("kiosk", "changed_fields")
    KIOSK_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    kiosk: _kiosks_pb2.Kiosk
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, kiosk: _Optional[_Union[_kiosks_pb2.Kiosk, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class ShareGranted(_message.Message):
    __slots__ = ("share",)
    SHARE_FIELD_NUMBER: _ClassVar[int]
    share: _accounts_pb2.Share
    def __init__(self, share: _Optional[_Union[_accounts_pb2.Share, _Mapping]] = ...) -> None: ...

class ShareRevoked(_message.Message):
    __slots__ = ("account_id", "user_id", "revoked_by")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    REVOKED_BY_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    user_id: str
    revoked_by: str
    def __init__(self, account_id: _Optional[str] = ..., user_id: _Optional[str] = ..., revoked_by: _Optional[str] = ...) -> None: ...

class SalesOrderRecorded(_message.Message):
    __slots__ = ("order", "created")
    ORDER_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    order: _erp_records_pb2.SalesOrder
    created: bool
    def __init__(self, order: _Optional[_Union[_erp_records_pb2.SalesOrder, _Mapping]] = ..., created: _Optional[bool] = ...) -> None: ...

class FinanceRecorded(_message.Message):
    __slots__ = ("finance", "created")
    FINANCE_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    finance: _erp_records_pb2.Finance
    created: bool
    def __init__(self, finance: _Optional[_Union[_erp_records_pb2.Finance, _Mapping]] = ..., created: _Optional[bool] = ...) -> None: ...

class ActivityCreated(_message.Message):
    __slots__ = ("activity",)
    ACTIVITY_FIELD_NUMBER: _ClassVar[int]
    activity: _activities_pb2.Activity
    def __init__(self, activity: _Optional[_Union[_activities_pb2.Activity, _Mapping]] = ...) -> None: ...

class ActivityUpdated(_message.Message):
    __slots__ = ("activity", "changed_fields")
    ACTIVITY_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    activity: _activities_pb2.Activity
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, activity: _Optional[_Union[_activities_pb2.Activity, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ...) -> None: ...
