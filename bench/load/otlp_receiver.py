#!/usr/bin/env python3
"""A stand-in OTLP/HTTP trace collector for the load suite: takes POST /v1/traces and answers as asked.

  --mode on    answers 200 at once
  --mode slow  answers 200 after --delay seconds (2 by default)
  --mode hung  reads the request and never answers, holding the connection open

On SIGTERM it prints how many export requests and bytes it took.
"""
import argparse
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts = {"requests": 0, "bytes": 0}
lock = threading.Lock()


def handler_for(mode, delay):
    class Receiver(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with lock:
                counts["requests"] += 1
                counts["bytes"] += len(body)
            if mode == "hung":
                threading.Event().wait()
            if mode == "slow":
                time.sleep(delay)
            self.send_response(200)
            self.send_header("Content-Type", "application/x-protobuf")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    return Receiver


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=4318)
    parser.add_argument("--mode", choices=["on", "slow", "hung"], default="on")
    parser.add_argument("--delay", type=float, default=2.0)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler_for(args.mode, args.delay))
    server.daemon_threads = True

    def stop(*_):
        print(f"otlp receiver ({args.mode}): {counts['requests']} export requests, {counts['bytes']} bytes", flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    server.serve_forever()


if __name__ == "__main__":
    main()
