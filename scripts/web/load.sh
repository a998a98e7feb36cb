#!/usr/bin/env bash
# The load benchmark of `grants serve` (a benchmark, not a test): wrk on 127.0.0.1 against POST /api/v1/bids/check
# with a typical bid (the Samples' Friday boxing sessions), 64 connections for 30 s, from the release build.
#   bash scripts/web/load.sh [SECONDS] [CONNECTIONS]
# Installs wrk from Debian when missing. Prints wrk's figures: requests a second and the latency distribution.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"
connections="${2:-64}"
port=18090
if ! command -v wrk >/dev/null; then
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
swift build -c release --product grants >/dev/null
work=$(mktemp -d)
trap 'kill -TERM "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$work/bid.json" <<'PY'
import json, sys
bid = {
    "format": "grants-bid/1", "id": "CAF-2017-014", "scheme": "community-action-fund", "financial_year": "2017/18",
    "submitted": "2017-06-01",
    "applicant": {"id": "360G-LancashirePCC-ORG-0042", "name": "Leyland Youth Boxing Club Juniors (example)",
                  "type": "community-group", "constituted": True, "unrestricted_reserves": "4200.00",
                  "documents": ["constitution", "latest-accounts", "safeguarding-policy", "bank-details"]},
    "title": "Friday night boxing sessions",
    "description": "Free sessions for young people at risk of anti-social behaviour",
    "requested": "2500.00", "total_project_cost": "3100.00", "planned_start": "2017-07-01", "planned_end": "2018-03-31",
    "priorities": ["anti-social-behaviour", "reoffending"], "works_with": ["children"], "locations": ["South Ribble"],
    "budget": [{"category": "venue-hire", "description": "Hall hire", "amount": "1200.00", "vat_reclaimable": False},
               {"category": "equipment", "description": "Gloves and pads", "amount": "1300.00", "vat_reclaimable": False}],
}
open(sys.argv[1], "w").write(json.dumps(bid))
PY
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = io.open("$work/bid.json", "r")
wrk.body = file:read("*a")
file:close()
LUA
"$(swift build -c release --show-bin-path)/grants" serve --demo --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=1)" 2>/dev/null; then break; fi
    sleep 0.2
done
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data @"$work/bid.json" "http://127.0.0.1:$port/api/v1/bids/check")
[ "$status" = 200 ] || { echo "load: the check answered $status, not 200" >&2; exit 1; }
wrk -t 2 -c "$connections" -d "${seconds}s" --latency -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/bids/check"
