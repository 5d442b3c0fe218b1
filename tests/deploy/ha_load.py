#!/usr/bin/env python3
"""Bounded load through nginx for tests/deploy/ha_test.sh: reads (the page, the community API)
and contributions, from a few threads, on loopback only. A contribution is retried, with its
Idempotency-Key, until acknowledged (at most 8 tries); a read is sent once and must succeed.
Midway (after KILL_AFTER contributions were acknowledged) it runs the given command once (the
test's SIGKILL and restart of one service). Prints one JSON object: acknowledged keys, failures.

usage: ha_load.py BASE_URL CONTRIBUTIONS READS KILL_AFTER COMMAND..."""
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

base, contributions, reads, kill_after = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
command = sys.argv[5:]
BODY = json.dumps({
    "schema": "chatlens.community_summary", "version": 1, "top_emoji": ["1F602", "2764-FE0F"],
    "avg_text_length": 35, "messages_per_active_day": 25, "minutes_per_day": 30,
    "hour_profile": [1, 0, 0, 0, 0, 0, 1, 3, 5, 6, 6, 7, 7, 6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 2],
}).encode()
lock = threading.Lock()
state = {"acknowledged": [], "contribution_retries": 0, "contribution_failures": [], "read_failures": [],
         "reads_ok": 0, "killed": False, "statuses": {}}
deadline = time.monotonic() + 120  # bounded in time as well as in count


def request(method, path, body=None, headers=None):
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except Exception as e:  # connection refused or reset: nginx itself must never do that
        return f"{type(e).__name__}"


def maybe_kill():
    with lock:
        if state["killed"] or len(state["acknowledged"]) < kill_after:
            return
        state["killed"] = True
    subprocess.run(command, check=True)


def contributor(n):
    for _ in range(n):
        key = str(uuid.uuid4())
        for attempt in range(8):
            status = request("POST", "/api/v1/contributions", BODY,
                             {"Content-Type": "application/json", "Idempotency-Key": key})
            with lock:
                state["statuses"][str(status)] = state["statuses"].get(str(status), 0) + 1
            if status in (200, 201):
                with lock:
                    state["acknowledged"].append(key)
                break
            with lock:
                state["contribution_retries"] += 1
            time.sleep(0.2 * (attempt + 1))
        else:
            with lock:
                state["contribution_failures"].append(key)
        maybe_kill()
        if time.monotonic() > deadline:
            return


def reader(n):
    paths = ["/api/v1/community", "/", "/index.html", "/healthz"]
    for i in range(n):
        path = paths[i % len(paths)]
        status = request("GET", path)
        with lock:
            if status == 200 or (status == 304):
                state["reads_ok"] += 1
            else:
                state["read_failures"].append(f"{path}: {status}")
        time.sleep(0.01)
        if time.monotonic() > deadline:
            return


threads = [threading.Thread(target=contributor, args=(contributions // 3,)) for _ in range(3)]
threads += [threading.Thread(target=reader, args=(reads // 3,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps(state))
