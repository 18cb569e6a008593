#!/usr/bin/env python3
"""An OpenAI-compatible LLM provider that flaps: request after request it answers, in turn,

    ok        200 with a valid reading (energy 11 ... nostalgia 66)
    error     500
    limited   429 with Retry-After: 1
    hang      reads the request and never answers (until the client gives up)
    truncated 200 whose Content-Length promises more bytes than are sent, then the connection closes
    cut       200 chunked, one chunk holding a whole valid-looking answer, then the connection closes mid-stream

The truncated and cut answers carry the reading 77 ... 77: an interpreter that serves a cut answer as valid shows it.
    flapping_llm.py PORT [COUNTS_FILE]   (the counts of each behaviour served are written there on every request)
"""
import http.server
import json
import socketserver
import sys
import threading
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 18998
counts_file = sys.argv[2] if len(sys.argv) > 2 else None
cycle = ["ok", "error", "limited", "hang", "truncated", "cut"]
counts = {name: 0 for name in cycle}
lock = threading.Lock()
turn = [0]


def completion(vector):
    content = json.dumps({"vector": vector, "tags": ["calm"]})
    return json.dumps({"id": "flap", "object": "chat.completion", "choices": [
        {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}]}).encode()


VALID = completion(dict(energy=11, warmth=22, brightness=33, acousticness=44, complexity=55, nostalgia=66))
CUT = completion({d: 77 for d in ("energy", "warmth", "brightness", "acousticness", "complexity", "nostalgia")})


class Flapping(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with lock:
            behaviour = cycle[turn[0] % len(cycle)]
            turn[0] += 1
            counts[behaviour] += 1
            if counts_file:
                with open(counts_file, "w") as out:
                    json.dump(dict(counts, last_request_at=time.time()), out)
        if behaviour == "ok":
            self.answer(200, VALID)
        elif behaviour == "error":
            self.answer(500, b'{"error": "flapping"}')
        elif behaviour == "limited":
            self.answer(429, b'{"error": "slow down"}', {"Retry-After": "1"})
        elif behaviour == "hang":
            time.sleep(30)
            self.close_connection = True
        elif behaviour == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(CUT) + 200))
            self.end_headers()
            self.wfile.write(CUT)
            self.wfile.flush()
            self.close_connection = True
        else:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(CUT), CUT))
            self.wfile.flush()
            self.close_connection = True

    def answer(self, status, body, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


Server(("127.0.0.1", port), Flapping).serve_forever()
