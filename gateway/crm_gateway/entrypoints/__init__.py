"""HTTP routers: they translate between JSON and the service layer or the services' gRPC, nothing more."""
