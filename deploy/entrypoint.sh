#!/bin/sh
# Start the image's process: `serve` (default) or `migrate`.
# Secrets arrive as files (compose secrets, mounted Kubernetes secrets), never baked in: for every
# CRM_X_FILE=/path, CRM_X is set to the file's contents before the process starts.
set -eu
for name in $(env | sed -n 's/^\(CRM_[A-Z0-9_]*\)_FILE=.*/\1/p'); do
  eval "path=\${${name}_FILE}"
  value="$(cat "$path")"
  export "$name=$value"
  unset "${name}_FILE"
done
exec python -m "crm_${CRM_SERVICE}" "$@"
