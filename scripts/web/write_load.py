#!/usr/bin/env python3
"""Many clients writing through `grants serve` at once, then the ledger checked from outside.

    python3 scripts/web/write_load.py GRANTS DB [--clients 32] [--seconds 10] [--port 18095] [--bids 1000]

GRANTS is the grants binary; DB a ledger that does not exist yet: a new file, or an empty PostgreSQL database
(postgres://user@host:port/dbname). The script makes the ledger (`grants init`, `grants import` of a fund, an
allocation and BIDS bids, `grants user add` for a finance officer and two applicants), starts `grants serve` on
127.0.0.1, signs each person in, and runs CLIENTS threads for SECONDS: each takes the next bid and, through the web
forms a person uses (with their CSRF token), has the officer award it, its applicant claim on the grant, and the
officer pay the claim. Half the bids draw on a Community Action Fund directly, half on a CSP's allocation, so every
client races the others for the same two balances.

Then the server is stopped, and the ledger must reconcile (`grants reconcile`) and hold exactly the awards, claims and
payments the server answered "done" (303) to, with the amounts those show: nothing lost, nothing doubled. Any 5xx
answer fails the run. Prints the writes per second.
"""
import argparse
import http.client
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

PASSWORD = "load-test-password-" + os.urandom(6).hex()
BIDS = 1000
# The server's clock is the real one: the grants are made in the last financial year that has ended (claims are in
# arrears, and on a year's accounts for six years after it), and paid today.
TODAY = time.gmtime()
START = TODAY.tm_year - 1 if TODAY.tm_mon >= 4 else TODAY.tm_year - 2
YEAR = f"{START}/{(START + 1) % 100:02d}"


def fixture():
    lines = [
        "format: grants-ledger/1",
        "organisations:",
        "  - {id: 360G-Load-OPCC, name: Office of the Police and Crime Commissioner (load test), kind: opcc}",
        "  - {id: GB-LAE-SRI, name: South Ribble Borough Council, kind: local-authority}",
        "  - {id: 360G-Load-POLICE, name: Lancashire Constabulary, kind: police}",
        "  - {id: 360G-Load-CSP-SR, name: South Ribble Community Safety Partnership, kind: csp, "
        "members: [GB-LAE-SRI, 360G-Load-POLICE]}",
        "  - {id: 360G-Load-ORG-0001, name: Leyland Youth Boxing Club (example), kind: community-group, example: true}",
        "funds:",
        "  - {id: CSP-LOAD, name: CSP grant @YEAR@, scheme: csp-grant, financial_year: @YEAR@, "
        "amount: \"100000.00\", funder: 360G-Load-OPCC}",
        "  - {id: CAF-LOAD, name: Community Action Fund @YEAR@, scheme: community-action-fund, "
        "financial_year: @YEAR@, amount: \"50000.00\", funder: 360G-Load-OPCC}",
        "allocations:",
        "  - {id: ALLOC-SR, fund: CSP-LOAD, csp: 360G-Load-CSP-SR, amount: \"50000.00\", decision: \"@START@/12\", "
        "date: @START@-04-20}",
        "bids:",
    ]
    for number in range(1, BIDS + 1):
        if number % 2:
            lines.append(f"  - {{id: BID-L{number:04d}, fund: CAF-LOAD, applicant: 360G-Load-ORG-0001, "
                         f"title: Load test {number}, requested: \"20.00\", submitted: @START@-06-01}}")
        else:
            lines.append(f"  - {{id: BID-L{number:04d}, fund: CSP-LOAD, csp: 360G-Load-CSP-SR, "
                         f"applicant: GB-LAE-SRI, title: Load test {number}, requested: \"20.00\", "
                         f"submitted: @START@-06-01}}")
    return ("\n".join(lines) + "\n").replace("@YEAR@", YEAR).replace("@START@", str(START))


def grants(binary, *arguments, stdin=None):
    result = subprocess.run([binary, *arguments], input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"write load: grants {' '.join(arguments)} failed ({result.returncode}): {result.stderr}")
    return result.stdout


class Session:
    """One signed-in person: their session cookie and the CSRF token their forms carry."""

    def __init__(self, port, email):
        self.port = port
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", "/sign-in")
        response = connection.getresponse()
        page = response.read().decode()
        cookies = [value.split(";")[0] for name, value in response.getheaders() if name.lower() == "set-cookie"]
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        body = urllib.parse.urlencode({"csrf": token, "email": email, "password": PASSWORD})
        for attempt in range(30):
            connection.request("POST", "/sign-in", body=body, headers={
                "Content-Type": "application/x-www-form-urlencoded", "Cookie": "; ".join(cookies)})
            response = connection.getresponse()
            response.read()
            if response.status != 503:
                break
            time.sleep(1)
        if response.status != 303:
            sys.exit(f"write load: {email} could not sign in ({response.status})")
        session = [value.split(";")[0] for name, value in response.getheaders()
                   if name.lower() == "set-cookie" and "session" in value.split("=")[0]]
        self.cookie = session[0]
        connection.request("GET", "/account", headers={"Cookie": self.cookie})
        response = connection.getresponse()
        self.csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', response.read().decode()).group(1)
        connection.close()

    def post(self, connection, path, fields):
        """Sends a form as its confirming button does: the answer's status, and what a page other than "done" said."""
        body = urllib.parse.urlencode({"csrf": self.csrf, "action": "confirm", **fields})
        connection.request("POST", path, body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": self.cookie})
        response = connection.getresponse()
        page = response.read().decode(errors="replace")
        if response.status == 303:
            return response.status, ""
        summary = re.search(r'class="error-summary".*?</div>', page, re.S)
        return response.status, re.sub(r"<[^>]+>|\s+", " ", summary.group(0) if summary else page[:300]).strip()


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.next_bid = 0
        self.accepted = {"award": [], "claim": [], "payment": []}
        self.answers = {}
        self.said = {}
        self.crashes = []

    def take(self):
        with self.lock:
            if self.next_bid >= BIDS:
                return None
            self.next_bid += 1
            return f"BID-L{self.next_bid:04d}", self.next_bid % 2 == 1

    def record(self, kind, status, entry, said=""):
        with self.lock:
            self.answers[(kind, status)] = self.answers.get((kind, status), 0) + 1
            if status != 303:
                self.said.setdefault((kind, status), said)
            if status == 303:
                self.accepted[kind].append(entry)


def client(port, officer, applicants, tally, deadline):
    try:
        work(port, officer, applicants, tally, deadline)
    except Exception as error:  # noqa: BLE001 - any failure of a client fails the run, said by the main thread
        with tally.lock:
            tally.crashes.append(repr(error))


def work(port, officer, applicants, tally, deadline):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    while time.monotonic() < deadline:
        taken = tally.take()
        if taken is None:
            return
        bid, community = taken
        award = "AWD-" + bid
        status, said = officer.post(connection, f"/bids/{bid}/award", {
            "amount": "20.00", "decision": f"{START}/300", "date-day": "1", "date-month": "8", "date-year": str(START),
            "override": "the bid's answers are on paper"})
        tally.record("award", status, award, said)
        if status != 303:
            continue
        claim = award + "-C01"
        applicant = applicants[0] if community else applicants[1]
        status, said = applicant.post(connection, f"/organisation/awards/{award}/claim", {
            "period": "Q3", "amount": "12.00", "done": "Sessions held", "claim-id": claim})
        tally.record("claim", status, claim, said)
        if status != 303:
            continue
        status, said = officer.post(connection, f"/claims/{claim}/pay", {
            "date-day": str(TODAY.tm_mday), "date-month": str(TODAY.tm_mon), "date-year": str(TODAY.tm_year),
            "reference": "BACS " + bid})
        tally.record("payment", status, claim, said)


def held(db):
    """The load test's awards, claims and payments the ledger holds, with their total amounts in pence."""
    queries = {
        "award": "SELECT count(*), coalesce(sum(amount), 0) FROM awards WHERE id LIKE 'AWD-BID-L%'",
        "claim": "SELECT count(*), coalesce(sum(amount), 0) FROM claims WHERE id LIKE 'AWD-BID-L%'",
        "payment": "SELECT count(*), coalesce(sum(amount), 0) FROM payments WHERE award_id LIKE 'AWD-BID-L%'",
    }
    counts = {}
    if db.startswith("postgres"):
        parsed = urllib.parse.urlparse(db)
        for kind, sql in queries.items():
            out = subprocess.run(
                ["/usr/lib/postgresql/15/bin/psql", "-h", parsed.hostname, "-p", str(parsed.port or 5432), "-U", parsed.username,
                 "-d", parsed.path.lstrip("/"), "-tA", "-F", " ", "-c", sql],
                capture_output=True, text=True, check=True).stdout.split()
            counts[kind] = (int(out[0]), int(out[1]))
    else:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        for kind, sql in queries.items():
            count, total = connection.execute(sql).fetchone()
            counts[kind] = (count, total)
        connection.close()
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("db")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--port", type=int, default=18095)
    parser.add_argument("--bids", type=int, default=1000, help="bids to award (the run ends early if all are)")
    options = parser.parse_args()
    if not 1 <= options.bids <= 4998:
        parser.error("--bids: from 1 to 4998 (each balance holds 2,499 awards of £20)")
    global BIDS
    BIDS = options.bids
    binary, db = options.binary, options.db
    store = "PostgreSQL" if db.startswith("postgres") else "SQLite"

    work = tempfile.mkdtemp()
    with open(os.path.join(work, "load.yaml"), "w") as file:
        file.write(fixture())
    grants(binary, "init", "--db", db)
    grants(binary, "import", os.path.join(work, "load.yaml"), "--db", db)
    people = [("officer@example.org", "finance-officer", None),
              ("community@example.org", "applicant", "360G-Load-ORG-0001"),
              ("council@example.org", "applicant", "GB-LAE-SRI")]
    for email, role, organisation in people:
        extra = ["--organisation", organisation] if organisation else []
        grants(binary, "user", "add", "--db", db, "--email", email, "--role", role, *extra, stdin=PASSWORD + "\n")

    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([binary, "serve", "--db", db, "--port", str(options.port)], stdout=log, stderr=log)
    try:
        for _ in range(300):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", options.port, timeout=1)
                connection.request("GET", "/health")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        officer = Session(options.port, "officer@example.org")
        applicants = [Session(options.port, "community@example.org"), Session(options.port, "council@example.org")]
        tally = Tally()
        started = time.monotonic()
        deadline = started + options.seconds
        threads = [threading.Thread(target=client, args=(options.port, officer, applicants, tally, deadline))
                   for _ in range(options.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()

    failures = []
    # The balances hold more than the bids ask (at most 2,499 bids of £20 on each of two £50,000 balances): every answer
    # must be "done", and every kind of write must have happened.
    refused = {key: count for key, count in tally.answers.items() if key[1] != 303}
    if refused:
        failures.append(f"answers other than 303: {refused} (see {work}/server.log)")
    for crash in tally.crashes[:3]:
        failures.append(f"a client failed: {crash}")
    for kind, entries in tally.accepted.items():
        if not entries:
            failures.append(f"no {kind} was accepted")
    reconciled = subprocess.run([binary, "reconcile", "--db", db], capture_output=True, text=True)
    if reconciled.returncode != 0:
        failures.append(f"the ledger does not reconcile: {reconciled.stdout}{reconciled.stderr}")
    counts = held(db)
    pence = {"award": 2000, "claim": 1200, "payment": 1200}
    for kind, entries in tally.accepted.items():
        expected = (len(entries), len(entries) * pence[kind])
        if len(set(entries)) != len(entries):
            failures.append(f"{kind}: the server said done twice for one entry")
        if counts[kind] != expected:
            failures.append(f"{kind}: the server accepted {expected[0]} (£{expected[1] / 100:.2f}); "
                            f"the ledger holds {counts[kind][0]} (£{counts[kind][1] / 100:.2f})")
    writes = sum(len(entries) for entries in tally.accepted.values())
    answers = ", ".join(f"{kind} {status}: {count}" for (kind, status), count in sorted(tally.answers.items()))
    print(f"write load ({store}): {options.clients} clients for {elapsed:.1f} s through grants serve: "
          f"{writes} writes accepted ({len(tally.accepted['award'])} awards, {len(tally.accepted['claim'])} claims, "
          f"{len(tally.accepted['payment'])} payments), {writes / elapsed:.1f} writes/s; answers: {answers}; "
          f"{reconciled.stdout.strip()}")
    for (kind, status), said in sorted(tally.said.items()):
        print(f"write load: the first {kind} answered {status} said: {said[:300]}")
    if failures:
        for failure in failures:
            print("write load: " + failure, file=sys.stderr)
        sys.exit(1)
    print(f"write load ({store}): the ledger holds exactly what was accepted, and reconciles")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
