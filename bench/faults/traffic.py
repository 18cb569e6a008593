#!/usr/bin/env python3
"""Steady traffic through the gateway while a fault is injected, one line per answer.

    traffic.py GATEWAY_URL CLIENT_KEY ANALYST_KEY ADMIN_KEY SECONDS OUT.tsv

Four threads, each about 20 requests per second: interpret in local mode (needs no database), run history and the
teacher-pair summary (need the database), and a one-pair import (a write). Each line: seconds since start, route,
status, milliseconds, and for a write its marker text (acknowledged with a 201 means it must be stored), or the first
200 characters of a 5xx problem. No third-party modules: urllib only.
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.request

gateway, client, analyst, admin, seconds, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]), sys.argv[6]
start = time.monotonic()
lines = []
lock = threading.Lock()


def call(route, method, path, key, body=None, content_type="application/json", note=""):
    request = urllib.request.Request(gateway + path, data=body, method=method, headers={"X-API-Key": key, "Content-Type": content_type})
    began = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            status, text = answer.status, ""
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode("utf-8", "replace")
    except Exception as error:  # a refused or cut connection is an answer too: the client saw no status
        status, text = 0, repr(error)
    took = (time.monotonic() - began) * 1000
    detail = note if status < 500 and status != 0 else text[:200].replace("\t", " ").replace("\n", " ")
    with lock:
        lines.append(f"{began - start:.3f}\t{route}\t{status}\t{took:.1f}\t{detail}")


def interpret():
    body = json.dumps({"requestText": "a quiet rainy evening in the old town", "mode": "local"}).encode()
    call("interpret_local", "POST", "/api/v1/interpret", client, body)


def history():
    call("run_history", "GET", "/api/v1/eval/runs?limit=5", analyst)


def pairs():
    call("pair_summary", "GET", "/api/v1/datasets/teacher-pairs", analyst)


counter = [0]


def import_pair():
    with lock:
        counter[0] += 1
        marker = f"fault-suite pair {counter[0]} at {time.time():.3f}"
    vector = {d: 50 for d in ("energy", "warmth", "brightness", "acousticness", "complexity", "nostalgia")}
    body = json.dumps({"request_text": marker, "target_hidden_params": {"vector": vector}}).encode() + b"\n"
    call("pair_import", "POST", "/api/v1/datasets/teacher-pairs", admin, body, "application/x-ndjson", marker)


def loop(action):
    while time.monotonic() - start < seconds:
        began = time.monotonic()
        action()
        time.sleep(max(0.0, 0.05 - (time.monotonic() - began)))


threads = [threading.Thread(target=loop, args=(action,)) for action in (interpret, history, pairs, import_pair)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with open(out, "w", encoding="utf-8") as file:
    file.write("\n".join(sorted(lines, key=lambda line: float(line.split("\t")[0]))) + "\n")
