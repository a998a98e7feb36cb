#!/usr/bin/env bash
# The web application's tests that need a running server, as CI runs them (.ci/run):
#   bash scripts/web/ci.sh [PORT]
# Installs what they need when it is missing (Debian's chromium and chromium-driver, PyPI's selenium and
# schemathesis), starts `grants serve --demo` from the debug build on 127.0.0.1, then
#   - drives it in headless Chromium (scripts/web/browser_test.py), writing a screenshot of each page to Reports/web/:
#     the public pages, then the demo's accounts (a newcomer registers through the invitation the server printed and
#     submits a bid, an officer awards it, the server's demo clock is moved on by SIGUSR1, the applicant claims, the
#     officer pays, the commissioner downloads a return);
#   - checks each page against WCAG 2.2 AA with axe-core (from PyPI's axe-playwright-python, which carries it; only its
#     script is used, injected through Selenium);
#   - runs schemathesis against its OpenAPI document: at most 200 examples an operation, no 5xx, every status, content
#     type, header and body as the document says, 405 for methods it does not list;
#   - checks its timeouts over real sockets (scripts/web/timeouts.py): headers sent a line a second, a body a byte a
#     second, a connection left open;
# and stops it with SIGTERM, which must end it cleanly within ten seconds.
#
#   bash scripts/web/ci.sh PORT postgres://user@host:port/dbname
# runs the same journeys in the browser with the demo built into that empty PostgreSQL database instead of memory
# (`grants serve --demo --db URL`; screenshots to a folder of their own), then reconciles the ledger they left there.
# Schemathesis and the timeouts try the HTTP layer, which is the same whatever the store, so they run once, in memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${1:-18080}"
db="${2:-}"
base="http://127.0.0.1:$port"

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
missing=()
for package in chromium chromium-driver; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then missing+=("$package"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "web: installing ${missing[*]}" >&2
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q selenium
command -v schemathesis >/dev/null || python3 -m pip install -q schemathesis
# Only axe-core's script is wanted from it, not Playwright.
python3 -c "import importlib.util,sys; sys.exit(importlib.util.find_spec('axe_playwright_python') is None)" \
    || python3 -m pip install -q --no-deps axe-playwright-python

binary=.build/debug/grants
[ -x "$binary" ] || swift build --product grants
log=$(mktemp)
timeout=5
# The demo's three accounts (an applicant, a finance officer, the commissioner) share this password, made up here.
GRANTS_DEMO_PASSWORD="web-test-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
export GRANTS_DEMO_PASSWORD
screenshots=Reports/web
store=()
if [ -n "$db" ]; then
    screenshots=$(mktemp -d)
    store=(--db "$db")
fi
"$binary" serve --demo "${store[@]}" --port "$port" --idle-timeout "$timeout" --request-timeout "$timeout" >"$log" 2>&1 &
server=$!
stop() { kill -TERM "$server" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 100); do
    if python3 -c "import urllib.request,sys; urllib.request.urlopen('$base/health', timeout=1)" 2>/dev/null; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then echo "web: the server stopped:" >&2; cat "$log" >&2; exit 1; fi
    sleep 0.2
done

python3 scripts/web/browser_test.py "$base" --screenshots "$screenshots" --samples Samples/bids-2017-18 \
    --password-from GRANTS_DEMO_PASSWORD --server-log "$log" --server-pid "$server"

if [ -z "$db" ]; then

# As a commissioner's script, with the token the demo printed: every operation, the returns too, is tried signed in.
token=$(sed -n 's/^grants: demo token for commissioner@example.org: //p' "$log")
[ -n "$token" ] || { echo "web: the demo printed no token" >&2; exit 1; }
schemathesis run "$base/api/v1/openapi.json" --url "$base" --max-examples 200 --seed 1 \
    -H "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,unsupported_method

python3 scripts/web/timeouts.py 127.0.0.1 "$port" --idle "$timeout" --request "$timeout"
fi

trap - EXIT
kill -TERM "$server"
for _ in $(seq 1 50); do
    if ! kill -0 "$server" 2>/dev/null; then break; fi
    sleep 0.2
done
if kill -0 "$server" 2>/dev/null; then
    echo "web: the server did not stop within 10 s of SIGTERM" >&2
    kill -KILL "$server"
    exit 1
fi
wait "$server" && status=0 || status=$?
if [ "$status" -ne 0 ]; then echo "web: the server exited $status on SIGTERM:" >&2; tail -5 "$log" >&2; exit 1; fi
echo "web: the server stopped cleanly on SIGTERM; its access log has $(grep -c '\] request$' "$log" || true) lines"
rm -f "$log"
if [ -n "$db" ]; then
    # What the journeys recorded through the web application, checked from outside it.
    "$binary" reconcile --db "$db"
    rm -rf "$screenshots"
fi
