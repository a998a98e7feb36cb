#!/usr/bin/env python3
"""Checks that `grants serve` does not wait for ever on a slow or silent client, over a real socket.

    python3 scripts/web/timeouts.py 127.0.0.1 8080 --idle 5 --request 5

The server must have been started with `--idle-timeout IDLE --request-timeout REQUEST`. Four clients:
  - one sends a request's headers a line a second and never ends them: the server closes the connection once the
    idle timeout has passed (the headers never complete, so nothing counts as activity);
  - one sends a request's headers, then its body a byte a second: the server answers 408 once the request timeout
    has passed; and the same to a path that takes no body (`POST /`), whose body is read and dropped under the same
    timeout rather than for ever;
  - one sends a whole request, reads the answer and says nothing more: the server closes the connection once the
    idle timeout has passed.
Each must happen within the timeout and a margin of 5 s, and not before the timeout less 1 s. Exits 1 naming the
client that was not dealt with.
"""
import argparse
import socket
import sys
import time

MARGIN = 5.0


def trickle(host, port, first, then, limit, done):
    """Sends `first`, then a byte of `then` a second, until `done(sock, received)` says the server has dealt with
    it; returns the seconds that took, or None after `limit` seconds."""
    sock = socket.create_connection((host, port), timeout=limit)
    sock.setblocking(False)
    started = time.monotonic()
    sock.sendall(first)
    received = b""
    index = 0
    try:
        while time.monotonic() - started < limit:
            time.sleep(1.0)
            try:
                chunk = sock.recv(65536)
                if chunk == b"":
                    return time.monotonic() - started if done(True, received) else None
                received += chunk
                if done(False, received):
                    return time.monotonic() - started
            except BlockingIOError:
                pass
            except (ConnectionResetError, BrokenPipeError):
                return time.monotonic() - started if done(True, received) else None
            try:
                sock.send(then[index % len(then):index % len(then) + 1])
                index += 1
            except (ConnectionResetError, BrokenPipeError):
                return time.monotonic() - started if done(True, received) else None
        return None
    finally:
        sock.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--idle", type=float, required=True)
    parser.add_argument("--request", type=float, required=True)
    options = parser.parse_args()
    host, port = options.host, options.port
    failures = []

    def within(name, seconds, timeout):
        if seconds is None:
            failures.append(f"{name}: not dealt with within {timeout + MARGIN:.0f} s")
        elif seconds < timeout - 1:
            failures.append(f"{name}: dealt with after {seconds:.1f} s, before the {timeout:.0f} s timeout")
        else:
            print(f"timeouts: {name}: dealt with after {seconds:.1f} s (timeout {timeout:.0f} s)")

    # Headers that never end.
    seconds = trickle(
        host, port, b"GET / HTTP/1.1\r\nHost: localhost\r\n", b"X-Slow: a\r\n", options.idle + MARGIN,
        lambda is_closed, received: is_closed and received == b"")
    within("headers a line a second", seconds, options.idle)

    # A body a byte a second.
    head = (b"POST /api/v1/bids/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n{")
    seconds = trickle(
        host, port, head, b" ", options.request + MARGIN,
        lambda is_closed, received: received.startswith(b"HTTP/1.1 408"))
    within("a body a byte a second (408)", seconds, options.request)

    # The same to a path that takes no body: read (and dropped) within the same time, not for ever.
    head = b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\nx"
    seconds = trickle(
        host, port, head, b" ", options.request + MARGIN,
        lambda is_closed, received: received.startswith(b"HTTP/1.1 408"))
    within("a body a byte a second to a path that takes none (408)", seconds, options.request)

    # A whole request, then silence.
    request = b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"
    sock = socket.create_connection((host, port), timeout=options.idle + MARGIN)
    sock.sendall(request)
    answer = sock.recv(65536)
    started = time.monotonic()
    if not answer.startswith(b"HTTP/1.1 200"):
        failures.append(f"a whole request: answered {answer[:40]!r}")
    else:
        try:
            rest = sock.recv(65536)
            seconds = time.monotonic() - started if rest == b"" else None
        except ConnectionResetError:
            seconds = time.monotonic() - started
        except socket.timeout:
            seconds = None
        within("a connection left open after its answer", seconds, options.idle)
    sock.close()

    if failures:
        for failure in failures:
            print(f"timeouts: FAILED: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
