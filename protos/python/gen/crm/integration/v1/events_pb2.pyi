from crm.integration.v1 import imports_pb2 as _imports_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ImportCompleted(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: _imports_pb2.ImportJob
    def __init__(self, job: _Optional[_Union[_imports_pb2.ImportJob, _Mapping]] = ...) -> None: ...
