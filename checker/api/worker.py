"""The gunicorn worker the service runs (gunicorn.conf.py): gthread, whose threads hold slow
and idle connections while the others go on answering (two clients trickling their headers no
longer leave health checks unanswered), with the errors gunicorn answers itself before the app
sees a request (a request line over the limit: 414; malformed headers: 400) written as problem
documents like every other error of the service, not as HTML."""
from __future__ import annotations

import json

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker


def write_problem(sock, status_int: int, reason: str, mesg: str) -> None:
    body = json.dumps({"type": "/api/v1/problems/" + reason.lower().replace(" ", "-"), "title": reason,
                       "status": status_int, "detail": mesg or reason}).encode()
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
            f"Content-Type: application/problem+json\r\nContent-Length: {len(body)}\r\n"
            "X-Content-Type-Options: nosniff\r\n\r\n")
    util.write_nonblock(sock, head.encode("latin-1", "replace") + body)


class ProblemThreadWorker(ThreadWorker):
    def init_process(self):
        # gunicorn's workers write their own error answers through util.write_error
        util.write_error = write_problem
        super().init_process()
