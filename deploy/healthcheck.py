"""The container's health check: the process's gRPC health (the gateway: HTTP /readyz).

Reads the port from the same settings variable the process uses (CRM_<SERVICE>_GRPC_PORT,
CRM_GATEWAY_HTTP_PORT), so a changed port needs no change here. Exit 0 when healthy.
"""
from __future__ import annotations

import os
import sys
import urllib.request

DEFAULT_PORTS = {"gateway": 8000, "accounts": 50062, "leads": 50061, "integration": 50066}


def main() -> int:
    service = os.environ["CRM_SERVICE"]
    prefix = f"CRM_{service.upper()}_"
    if service == "gateway":
        port = int(os.environ.get(prefix + "HTTP_PORT", DEFAULT_PORTS[service]))
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as reply:
                return 0 if reply.status == 200 else 1
        except OSError:
            return 1
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    port = int(os.environ.get(prefix + "GRPC_PORT", DEFAULT_PORTS[service]))
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        try:
            reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=2)
        except grpc.RpcError:
            return 1
    return 0 if reply.status == health_pb2.HealthCheckResponse.SERVING else 1


if __name__ == "__main__":
    sys.exit(main())
