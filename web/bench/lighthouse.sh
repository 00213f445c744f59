#!/usr/bin/env bash
# Lighthouse (mobile) on the login page, the lead queue and an account 360 of a running `./crm up --demo`.
# usage: CRM_DEMO_PASSWORD=... web/bench/lighthouse.sh ACCOUNT_ID [BASE_URL]
# The pages behind the login get the session cookie of a demo user (sdr1, ae.ne) as a request header.
set -euo pipefail
account="$1"; base="${2:-http://127.0.0.1:8000}"; out="${LIGHTHOUSE_OUT:-/tmp/crm-lighthouse}"
chromium="${CRM_TEST_CHROMIUM:-$(command -v chromium)}"
mkdir -p "$out"
cookie() {
  curl -s -c - -o /dev/null -H 'X-CRM-Session: 1' -d "username=$1&password=$CRM_DEMO_PASSWORD" \
    "$base/api/v1/auth/session" | awk '/crm_refresh/{print $7}'
}
run() {  # name url [cookie]
  local extra=()
  [ -n "${3:-}" ] && extra=(--extra-headers "{\"Cookie\":\"crm_refresh=$3\"}")
  CHROME_PATH="$chromium" npx --yes lighthouse@12 "$2" --form-factor=mobile \
    --only-categories=performance,accessibility "${extra[@]}" --output=json --output-path="$out/$1.json" --quiet \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
  python3 - "$out/$1.json" "$1" <<'PY'
import json, sys
report = json.load(open(sys.argv[1])); audits = report["audits"]
scripts = sum(i.get("transferSize", 0) for i in audits["network-requests"]["details"]["items"]
              if i.get("resourceType") == "Script")
print(f"{sys.argv[2]}: performance {report['categories']['performance']['score'] * 100:.0f}, accessibility "
      f"{report['categories']['accessibility']['score'] * 100:.0f}, JS {scripts / 1024:.0f} KB, "
      f"TTI {audits['interactive']['displayValue']}")
PY
}
run login "$base/login"
run leads "$base/leads" "$(cookie sdr1)"
run account360 "$base/accounts/$account" "$(cookie ae.ne)"
