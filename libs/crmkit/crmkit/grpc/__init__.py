"""gRPC server and channel builders shared by every service and the gateway."""
