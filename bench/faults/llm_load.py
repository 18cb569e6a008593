#!/usr/bin/env python3
"""Drives an interpreter in auto mode against the flapping provider and judges what players got.

    llm_load.py INTERPRETER_URL SECONDS DEADLINE_MS

Eight threads post requests for SECONDS. Prints the answers by served source and fallback reason, how many LLM answers
came after the breaker had first opened (it closed again), and exits 1 when an answer took longer than the deadline
plus 50 ms, was not a 200, or served the cut answers' reading (77 in every dimension) as an LLM's, or when the breaker
never opened or never closed again.
"""
import collections
import json
import sys
import threading
import time
import urllib.error
import urllib.request

url, seconds, deadline = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
start = time.monotonic()
seen = collections.Counter()
reasons = collections.Counter()
slow, bad = [], []
first_open = [None]
llm_answers_at = []
lock = threading.Lock()


def loop():
    while time.monotonic() - start < seconds:
        body = json.dumps({"requestText": "a calm and warm song for a rainy night", "mode": "auto"}).encode()
        request = urllib.request.Request(url + "/interpret", data=body, headers={"Content-Type": "application/json"})
        began = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                status, text = answer.status, answer.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode()
        took = (time.monotonic() - began) * 1000
        with lock:
            if status != 200:
                bad.append(f"{status}: {text[:200]}")
                continue
            answer = json.loads(text)
            meta = answer["meta"]
            seen[meta["modelSource"]] += 1
            for reason in (meta.get("fallbackReason") or "none").split(","):
                reasons[reason] += 1
                if reason == "llm_circuit_open" and first_open[0] is None:
                    first_open[0] = began
            if meta["modelSource"] != "rule_baseline":
                llm_answers_at.append(began)
            if set(answer["hiddenParams"]["vector"].values()) == {77}:
                bad.append(f"the cut answer was served by {meta['modelSource']}")
            if took > deadline + 50:
                slow.append(took)


threads = [threading.Thread(target=loop) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
total = sum(seen.values())
print(f"  {total} answers by source: {dict(seen)}")
print(f"  fallback reasons: {dict(reasons)}")
print(f"  answers over {deadline + 50:.0f} ms: {len(slow)}{' (slowest %.0f ms)' % max(slow) if slow else ''}")
reopened = sum(1 for at in llm_answers_at if first_open[0] is not None and at > first_open[0])
print(f"  LLM answers after the breaker first opened (it closed again): {reopened}")
if first_open[0] is None or reopened == 0:
    bad.append("the breaker never opened" if first_open[0] is None else "the breaker never closed again")
for line in bad[:10]:
    print("  BAD " + line)
sys.exit(1 if bad or slow or total == 0 else 0)
