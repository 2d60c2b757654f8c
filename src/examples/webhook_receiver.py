#!/usr/bin/env python3
"""A webhook receiver for fleetsync (docs/webhooks.md), standard library only.

Checks each delivery's signature with the subscription's secret over the raw body (refusing a bad or stale one with
401), handles each delivery id once (a repeat, which at-least-once delivery sends after a lost answer, is answered 204
and otherwise ignored), and prints one line per new event: its id, its type and the resource it concerns.

    FLEETSYNC_WEBHOOK_SECRET=<the secret CreateWebhookSubscription answered> python3 src/examples/webhook_receiver.py 9099
"""
import hashlib
import hmac
import http.server
import json
import os
import sys
import time


def verify(secret: str, header: str, body: bytes, tolerance_seconds: int = 300) -> bool:
    try:
        parts = dict(p.split("=", 1) for p in header.split(","))
        t, v1 = parts["t"], parts["v1"]
        if abs(time.time() - int(t)) > tolerance_seconds:
            return False
    except (KeyError, ValueError):
        return False
    expected = hmac.new(secret.encode(), t.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, v1)


class Receiver(http.server.BaseHTTPRequestHandler):
    secret = os.environ.get("FLEETSYNC_WEBHOOK_SECRET", "")
    handled = set()  # a real receiver keeps these where they survive its restart

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if not verify(self.secret, self.headers.get("X-Fleetsync-Signature", ""), body):
            self.send_response(401)
            self.end_headers()
            return
        delivery = self.headers.get("X-Fleetsync-Delivery-Id")
        if delivery not in self.handled:
            self.handled.add(delivery)
            event = json.loads(body)
            about = event.get("robotArn") or event.get("jobArn") or event.get("fleetArn") or ""
            print(delivery, event["type"], about, flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass  # one line per event is what this prints


if __name__ == "__main__":
    if not Receiver.secret:
        sys.exit("set FLEETSYNC_WEBHOOK_SECRET to the subscription's secret")
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9099
    http.server.ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()
