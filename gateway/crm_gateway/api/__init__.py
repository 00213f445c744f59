"""The REST API, one package per resource group: `router.py` translates between JSON and the service
layer or the services' gRPC (nothing more), `schemas.py` holds its bodies, `mappers.py` its
translations. What every group shares is in `common.py` and `idempotent.py`."""
