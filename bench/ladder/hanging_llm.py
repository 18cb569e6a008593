#!/usr/bin/env python3
"""An LLM provider that hangs: accepts every connection, reads the request, never answers."""
import socket
import sys
import threading

port = int(sys.argv[1]) if len(sys.argv) > 1 else 18999
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(4096)
held = []


def hold(connection):
    try:
        while connection.recv(65536):
            pass
    except OSError:
        pass


while True:
    connection, _ = server.accept()
    held.append(connection)
    threading.Thread(target=hold, args=(connection,), daemon=True).start()
