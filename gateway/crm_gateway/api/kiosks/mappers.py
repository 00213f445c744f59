"""Translation between the kiosks REST bodies and crm.accounts.v1 messages. Writes send only the
fields the caller gave, a null field becoming "" (clear it)."""
from __future__ import annotations

from crm.accounts.v1 import kiosks_pb2

from crm_gateway.api.common import day, given_fields, when
from crm_gateway.api.kiosks.schemas import KioskCreate, KioskFields, KioskRead, KioskUpdate

_KIOSK_TEXT = ("id", "serial_number", "model", "operating_system", "software_version", "location_account_id",
               "warranty_state")
_KIOSK_DATES = ("install_date", "warranty_end_date")


def kiosk_read(kiosk: kiosks_pb2.Kiosk) -> KioskRead:
    return KioskRead(**{name: getattr(kiosk, name) for name in _KIOSK_TEXT},
                     **{name: day(getattr(kiosk, name)) for name in _KIOSK_DATES},
                     created_at=when(kiosk, "created_at"), updated_at=when(kiosk, "updated_at"),
                     version=kiosk.version)


def kiosk_data(body: KioskFields, *, clear_nulls: bool) -> kiosks_pb2.KioskData:
    return kiosks_pb2.KioskData(**given_fields(body, type(body).model_fields, clear_nulls=clear_nulls))


def create_kiosk_data(body: KioskCreate) -> kiosks_pb2.KioskData:
    return kiosk_data(body, clear_nulls=False)


def update_kiosk_request(kiosk_id: str, body: KioskUpdate, expected_version: int) -> kiosks_pb2.UpdateKioskRequest:
    return kiosks_pb2.UpdateKioskRequest(id=kiosk_id, changes=kiosk_data(body, clear_nulls=True),
                                           expected_version=expected_version)
