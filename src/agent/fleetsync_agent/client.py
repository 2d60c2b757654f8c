"""The robot protocol over HTTP: SigV4-signed JSON POSTs to /agent/v1/poll and /agent/v1/report."""

import functools
import http.client
import json
import ssl
import logging
import urllib.error
import urllib.request

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from .errors import Stopping

log = logging.getLogger(__name__)

SERVICE = "robomaker"


class ServiceError(Exception):
    """An AWS-shaped error answer: HTTP status, X-Amzn-ErrorType and the body's message."""

    def __init__(self, status, error_type, message):
        super().__init__("HTTP %d %s: %s" % (status, error_type, message))
        self.status = status
        self.error_type = error_type
        self.message = message


class TransportError(Exception):
    """No usable answer: the service is unreachable, timed out, or answered something that is not JSON."""


class ReportRejected(Exception):
    """The service refused a report as not fitting the assignment (400): sending it again would not help."""


def urllib_transport(url, body, headers, timeout, tls=None):
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=tls) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()
    except (OSError, http.client.HTTPException) as e:  # refused, reset, DNS, TLS, timeout, cut short
        raise TransportError("%s: %s" % (url, e))


class ServiceClient:
    def __init__(self, endpoint, region, access_key_id, secret_access_key, timeout=30.0, transport=urllib_transport,
                 ca_bundle=None):
        if ca_bundle and transport is urllib_transport:  # a fleet's own CA, for a self-hosted endpoint
            tls = ssl.create_default_context(cafile=ca_bundle)
            transport = functools.partial(urllib_transport, tls=tls)
        self.endpoint = endpoint.rstrip("/")
        self.region = region
        self.credentials = Credentials(access_key_id, secret_access_key)
        self.timeout = timeout
        self.transport = transport

    def call(self, path, payload, extra_timeout=0.0):
        url = self.endpoint + path
        body = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        request = AWSRequest(method="POST", url=url, data=body, headers={"Content-Type": "application/json"})
        SigV4Auth(self.credentials, SERVICE, self.region).add_auth(request)  # signs these exact bytes
        status, headers, answer = self.transport(url, body, dict(request.headers.items()), self.timeout + extra_timeout)
        if status >= 400:
            error_type = _header(headers, "X-Amzn-ErrorType") or "HTTP%d" % status
            raise ServiceError(status, error_type.split(":")[0], _message(answer))
        try:
            decoded = json.loads(answer.decode("utf-8") or "{}")
        except ValueError as e:
            raise TransportError("%s answered %d with a body that is not JSON: %s" % (url, status, e))
        if not isinstance(decoded, dict):
            raise TransportError("%s answered %d with JSON that is not an object" % (url, status))
        return decoded


class Protocol:
    """Poll and report for one robot, with the retry rules of the protocol."""

    def __init__(self, client, robot_arn, backoff, sleep, stopping=lambda: False):
        self.client = client
        self.robot_arn = robot_arn
        self.backoff = backoff
        self.sleep = sleep
        self.stopping = stopping

    def poll(self, wait_seconds):
        """One long poll: the assignment, or {} for no work. Errors propagate; the caller backs off."""
        return self.client.call("/agent/v1/poll", {"robot": self.robot_arn, "waitSeconds": wait_seconds},
                                extra_timeout=wait_seconds)

    def report(self, body):
        """Sends a report until it is answered; returns `continue`. Repeating a report is harmless, so a lost
        answer is retried with back-off. A 400 means the report does not fit: ReportRejected, no retry."""
        body = dict(body, robot=self.robot_arn)
        self.backoff.reset()
        while True:
            if self.stopping():
                raise Stopping()
            try:
                answer = self.client.call("/agent/v1/report", body)
                return bool(answer.get("continue", False))
            except ServiceError as e:
                if e.status == 400:
                    raise ReportRejected(str(e))
                problem = str(e)
            except TransportError as e:
                problem = str(e)
            delay = self.backoff.next_delay()
            log.warning("report %s/%s not answered (%s); again in %.1f s", body.get("step"), body.get("result"),
                        problem, delay)
            self.sleep(delay)


def _header(headers, name):
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def _message(answer):
    try:
        decoded = json.loads(answer.decode("utf-8"))
        return str(decoded.get("message") or decoded.get("Message") or decoded)
    except (ValueError, AttributeError):
        return answer[:200].decode("utf-8", "replace")
