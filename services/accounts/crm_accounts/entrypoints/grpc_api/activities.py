"""The Activities service: the timeline of an account or a contact, and logging an activity (GEN-1)."""
from __future__ import annotations

from collections.abc import Callable

from crm.accounts.v1 import activities_pb2, activities_pb2_grpc
from crmkit.grpc.server import current_principal

from crm_accounts.entrypoints import mappers
from crm_accounts.service_layer import activities
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork

SERVICE_NAME = activities_pb2.DESCRIPTOR.services_by_name["Activities"].full_name


class ActivitiesServicer(activities_pb2_grpc.ActivitiesServicer):
    def __init__(self, uow_factory: Callable[[], AccountsUnitOfWork]) -> None:
        self._uow = uow_factory

    async def ListActivities(self, request, context):
        found, next_cursor = await activities.list_activities(uow=self._uow(), principal=current_principal(),
                                                              query=mappers.list_activities(request))
        return activities_pb2.ListActivitiesResponse(activities=[mappers.activity_to_proto(a) for a in found],
                                                     next_cursor=next_cursor)

    async def CreateActivity(self, request, context):
        return mappers.activity_to_proto(await activities.create_activity(
            uow=self._uow(), principal=current_principal(), command=mappers.new_activity(request)))
