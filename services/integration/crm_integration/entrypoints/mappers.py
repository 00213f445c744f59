"""Translation between protobuf (events, the Imports contract) and domain values."""
from __future__ import annotations

from datetime import UTC, datetime

from crm.integration.v1 import events_pb2 as integration_events
from crm.integration.v1 import imports_pb2
from crm.leads.v1 import events_pb2 as leads_events
from crm.sales.v1 import events_pb2 as sales_events
from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from crm_integration.domain.imports import Failure, ImportJob
from crm_integration.domain.notifications import LeadConversion, StageOverdue


def lead_conversion(message: leads_events.LeadConverted) -> LeadConversion:
    return LeadConversion(lead_id=message.lead_id, account_id=message.account_id, account_name=message.account_name,
                          contact_name=message.contact_name, existing_account=message.existing_account)


def stage_overdue(message: sales_events.OpportunityStageOverdue) -> StageOverdue:
    entered = message.stage_entered_at.ToDatetime(tzinfo=UTC)
    return StageOverdue(alert_id=message.alert_id, opportunity_id=message.opportunity_id,
                        opportunity_name=message.opportunity_name, account_name=message.account_name,
                        stage_name=message.stage_name or message.stage, threshold_days=message.threshold_days,
                        stage_entered_on=entered.date().isoformat())


def _timestamp(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(value)
    return stamp


def job_to_proto(job: ImportJob) -> imports_pb2.ImportJob:
    return imports_pb2.ImportJob(
        id=job.id, kind=job.kind, filename=job.filename, source=job.source, status=job.status, error=job.error,
        created_by=job.created_by, size_bytes=job.size_bytes, counts=imports_pb2.ImportCounts(**job.counts.as_dict()),
        created_at=_timestamp(job.created_at), started_at=_timestamp(job.started_at),
        finished_at=_timestamp(job.finished_at))


def failure_to_proto(failure: Failure) -> imports_pb2.ImportFailure:
    return imports_pb2.ImportFailure(row_number=failure.row_number, field=failure.field, reason=failure.reason,
                                     cells=failure.cells)


def import_completed(job: ImportJob) -> tuple[str, Message]:
    """crm.integration.import.completed, with the job's final counts."""
    return "crm.integration.import.completed", integration_events.ImportCompleted(job=job_to_proto(job))
