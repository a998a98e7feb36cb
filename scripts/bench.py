#!/usr/bin/env python3
"""Every speed and memory figure of the performance table, each beside its peer, in one run (a benchmark, never a test).

    python3 scripts/bench.py            # 1k, 10k and 100k awards; 100,000 bids
    python3 scripts/bench.py --full     # and 1,000,000 awards and 1,000,000 bids (about half an hour)

It builds the release binaries, makes synthetic ledgers (`grants-bench make-ledger`) and bids (`grants-bench
make-bids`) in a temporary folder, runs each command as a whole process, and reads each process's wall time and peak
resident memory from wait4(2). Peers: scripts/bench/check_bids.py (the same bid rules as plain Python), flatten-tool
(installed from PyPI into a virtual environment in the temporary folder when missing) and xmllint. Prints the table.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")
SCHEMA = os.path.join(ROOT, "..", "shared", "anchors", "360giving", "360-giving-schema.json")


def run(argv, stdout=subprocess.DEVNULL, ok=(0,)):
    """Runs argv; returns (seconds, peak MiB, exit status)."""
    start = time.monotonic()
    process = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if code not in ok:
        sys.exit(f"bench: {' '.join(argv)} exited {code}: {errors.strip()[:500]}")
    return seconds, usage.ru_maxrss / 1024, code


def grants(*args):
    return [os.path.join(BIN, "grants"), *args]


rows = []


def row(measure, ours, peer="", ratio=""):
    rows.append((measure, ours, peer, ratio))
    print(f"  {measure}: {ours}" + (f" | {peer}" if peer else "") + (f" | {ratio}" if ratio else ""), flush=True)


def flatten_tool(work):
    found = shutil.which("flatten-tool")
    if found:
        return found
    venv = os.path.join(work, "venv")
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([os.path.join(venv, "bin", "pip"), "install", "--quiet", "flattentool"], check=True)
    return os.path.join(venv, "bin", "flatten-tool")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="also 1,000,000 awards and bids")
    parser.add_argument("--no-build", action="store_true", help="use the release binaries as they are")
    options = parser.parse_args()
    if not options.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "grants"], cwd=ROOT, check=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "grants-bench"], cwd=ROOT, check=True)
    sizes = [1_000, 10_000, 100_000] + ([1_000_000] if options.full else [])
    bid_counts = [100_000] + ([1_000_000] if options.full else [])
    work = tempfile.mkdtemp(prefix="grants-bench-")
    try:
        bench(work, sizes, bid_counts, options.full)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n| measure | ours | peer, same run | ratio |\n|---|---|---|---|")
    for measure, ours, peer, ratio in rows:
        print(f"| {measure} | {ours} | {peer or '—'} | {ratio or '—'} |")


def bench(work, sizes, bid_counts, full):
    bench_bin = os.path.join(BIN, "grants-bench")
    print(f"cores: {os.cpu_count()}; work folder {work}")

    # Import, status, reconcile and returns at each size; a return covers one of the ledger's ten years.
    ledgers = {}
    for size in sizes:
        folder = os.path.join(work, f"ledger-{size}")
        subprocess.run([bench_bin, "make-ledger", str(size), folder], check=True)
        db = os.path.join(work, f"ledger-{size}.sqlite")
        run(grants("init", "--db", db))
        seconds, peak, _ = run(grants("import", "--db", db, folder))
        row(f"import {size:,} awards", f"{seconds:.2f} s, {seconds / size * 1e6:.0f} µs an award, {peak:.0f} MiB")
        ledgers[size] = db
    for size, db in ledgers.items():
        seconds, peak, _ = run(grants("status", "--db", db))
        row(f"status at {size:,} awards", f"{seconds:.2f} s, {peak:.0f} MiB")
        seconds, peak, _ = run(grants("reconcile", "--db", db))
        row(f"reconcile at {size:,} awards", f"{seconds:.2f} s, {peak:.0f} MiB")
        for form in ["csv", "xml", "xlsx", "360giving-json", "360giving-csv"]:
            out = os.path.join(work, f"return-{size}.{form}")
            seconds, peak, _ = run(grants("return", "--db", db, "--year", "2014/15", "--format", form, "-o", out))
            row(f"return {form} of {size // 10:,} lines ({size:,} awards)", f"{seconds:.2f} s, {peak:.0f} MiB")

    # 360Giving: ours from the ledger against flatten-tool from our JSON, on the same grants.
    size = 100_000 if 100_000 in ledgers else sizes[-1]
    json_file = os.path.join(work, f"return-{size}.360giving-json")
    try:
        tool = flatten_tool(work)
        seconds, peak, _ = run([tool, "--help"])
        ours, ours_peak, _ = run(grants("--help"))
        row("--help, cold", f"{ours * 1000:.0f} ms", f"flatten-tool {seconds * 1000:.0f} ms", f"{seconds / ours:.1f}×")
        out = os.path.join(work, "flattened")
        peer, peer_peak, _ = run([tool, "flatten", "--schema", SCHEMA, "--root-list-path", "grants",
                                  "--main-sheet-name", "grants", "--use-titles", "--rollup", "--root-id", "",
                                  "--output-format", "csv", "-o", out, json_file])
        ours, ours_peak, _ = run(grants("return", "--db", ledgers[size], "--year", "2014/15", "--format",
                                        "360giving-csv", "-o", os.path.join(work, "g.csv")))
        row(f"360Giving CSV of {size // 10:,} grants", f"{ours:.2f} s, {ours_peak:.0f} MiB",
            f"flatten-tool {peer:.2f} s, {peer_peak:.0f} MiB", f"{peer / ours:.1f}×")
    except (subprocess.CalledProcessError, OSError) as error:
        row("360Giving CSV against flatten-tool", f"not measured: {error}")

    # Bid checking: ours against the plain Python checker, the same verdict lines.
    checker = os.path.join(ROOT, "scripts", "bench", "check_bids.py")
    for count in bid_counts:
        bids = os.path.join(work, f"bids-{count}.jsonl")
        subprocess.run([bench_bin, "make-bids", str(count), bids], check=True)
        ours_out, peer_out = os.path.join(work, "ours.jsonl"), os.path.join(work, "peer.jsonl")
        with open(ours_out, "wb") as out:
            ours, ours_peak, _ = run(grants("check", bids, "--format", "verdicts"), stdout=out, ok=(0, 1))
        with open(peer_out, "wb") as out:
            peer, peer_peak, _ = run([sys.executable, checker, bids], stdout=out, ok=(0, 1))
        same = open(ours_out, "rb").read() == open(peer_out, "rb").read()
        row(f"check {count:,} bids --format verdicts", f"{ours:.2f} s, {ours_peak:.0f} MiB",
            f"Python {peer:.2f} s, {peer_peak:.0f} MiB", f"{peer / ours:.2f}× ({'same' if same else 'DIFFERENT'} lines)")
        for form in ["text", "json"]:
            seconds, peak, _ = run(grants("check", bids, "--format", form), ok=(0, 1))
            row(f"check {count:,} bids --format {form}", f"{seconds:.2f} s, {peak:.0f} MiB")

    # XSD validation of a generated return, against xmllint --schema (grants-bench prints both).
    lines = "1000000" if full else "100000"
    print(f"  XSD validation of {lines} lines (grants-bench write-returns):", flush=True)
    output = subprocess.run([bench_bin, "write-returns", lines], check=True, capture_output=True, text=True).stdout
    for line in output.splitlines():
        print("   " + line)
        if "XSD validate" in line or "xmllint" in line:
            row(f"{line.split(':')[0].strip()} ({lines} lines)", line.split(":", 1)[1].strip())


if __name__ == "__main__":
    main()
