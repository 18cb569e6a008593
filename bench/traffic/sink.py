#!/usr/bin/env python3
"""A stand-in for the dataset service while bench/traffic/capture.sh measures the interpreter alone.

POST /traffic/batches is answered at once with the number of records (counted, not parsed or stored), so the dataset
service's and PostgreSQL's work on the same two cores stays out of the interpreter's figure (bench/traffic/store.sh
measures that side). Every other request (the model registry the interpreter polls) is passed to the real service.
"""
import argparse
import http.server
import threading
import urllib.error
import urllib.request


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8095)
    parser.add_argument("--upstream", required=True, help="the real dataset service, e.g. http://127.0.0.1:8084")
    args = parser.parse_args()
    lock = threading.Lock()
    totals = {"batches": 0, "records": 0}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *unused):
            pass

        def _answer(self, status, body, content_type="application/json"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if self.path != "/traffic/batches":
                self._answer(404, b'{"status":404,"title":"Not Found"}', "application/problem+json")
                return
            records = body.count(b'"traceId"')
            with lock:
                totals["batches"] += 1
                totals["records"] += records
            self._answer(200, b'{"received":%d,"stored":%d}' % (records, records))

        def do_GET(self):
            if self.path == "/sink/totals":
                with lock:
                    self._answer(200, ('{"batches":%d,"records":%d}' % (totals["batches"], totals["records"])).encode())
                return
            try:
                with urllib.request.urlopen(args.upstream + self.path, timeout=10) as response:
                    self._answer(response.status, response.read(), response.headers.get("Content-Type", "application/json"))
            except urllib.error.HTTPError as error:
                self._answer(error.code, error.read(), error.headers.get("Content-Type", "application/problem+json"))

    http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
