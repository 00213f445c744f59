#!/bin/sh
# Build a local base image for deploy/Dockerfile on a machine that cannot pull images:
#   sudo deploy/base-image.sh [TAG]     (default TAG: crm-base:bookworm)
#   docker build -f deploy/Dockerfile --build-arg BASE_IMAGE=crm-base:bookworm --build-arg SERVICE=leads .
# Debian bookworm (minbase) with Python 3.11 and venv, from the host's own apt mirror, with the
# host's CA bundle (so a TLS-inspecting proxy the host trusts is trusted while installing).
set -eu
tag="${1:-crm-base:bookworm}"
mirror="$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)"
[ -n "$mirror" ] || mirror="$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list)"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates bookworm "$root" "$mirror" >&2
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
rm -rf "$root/var/cache/apt/archives/"*.deb "$root/var/lib/apt/lists/"*
tar -C "$root" -c . | docker import --change 'ENV LANG=C.UTF-8' - "$tag" >&2
echo "$tag"
