"""Stand-ins for what the agent talks to: the service (a real HTTP server on 127.0.0.1), S3, the launcher."""

import hashlib
import hmac
import io
import json
import os
import shutil
import tarfile
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from fleetsync_agent.launcher import Launcher
from fleetsync_agent.objectstore import ObjectBody, ObjectInfo, ObjectMissing, ObjectStore

ROBOT = "arn:aws:robomaker:us-west-2:123456789012:robot/picker-1/1700000000001"
JOB = "arn:aws:robomaker:us-west-2:123456789012:deployment-job/deployment-abc123def456"
APP = "arn:aws:robomaker:us-west-2:123456789012:robot-application/picker-app/1700000000000"
ACCESS_KEY, SECRET = "AKIDROBOT1", "robot-secret-1"


def assignment(job=JOB, etag=None, data=None, **changes):
    """An assignment as the service sends it; `data` (the bundle's bytes) gives the default etag."""
    value = {"protocolVersion": 2, "deploymentJob": job, "application": APP, "applicationVersion": "1",
             "robotSoftwareSuite": {"name": "ROS2", "version": "Humble"},
             "source": {"architecture": "X86_64", "s3Bucket": "my-bundles", "s3Key": "picker/x86.tar.gz",
                        "etag": etag or (hashlib.md5(data).hexdigest() if data is not None else "")},
             "launchConfig": {"packageName": "picker", "launchFile": "picker.launch.py",
                              "environmentVariables": {"MODE": "prod"}},
             "robotDeploymentTimeoutInSeconds": 600, "timeoutAt": 1764060000.5, "someFutureMember": {"x": 1}}
    for key, val in changes.items():
        if val is None:
            value.pop(key, None)
        else:
            value[key] = val
    return value


def launch_config(**members):
    config = {"packageName": "picker", "launchFile": "picker.launch.py", "environmentVariables": {"MODE": "prod"}}
    config.update(members)
    return config


def tar_bytes(files, gz=True, extra=()):
    """A bundle: {name: (text, mode)} plus raw TarInfo entries in `extra` (links, devices, odd names)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz" if gz else "w") as tar:
        for name, (text, mode) in files.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), mode
            tar.addfile(info, io.BytesIO(data))
        for info in extra:
            tar.addfile(info)
    return buffer.getvalue()


def read(path):
    with open(path) as f:
        return f.read()


def script(body):
    return ("#!/bin/sh\n" + body + "\n", 0o755)


class TempDir:
    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="fleetsync-agent-test-")

    def join(self, *parts):
        return os.path.join(self.path, *parts)

    def cleanup(self):
        shutil.rmtree(self.path, ignore_errors=True)


class FakeObjectStore(ObjectStore):
    """Objects in memory. `cut_after` makes the next GET's stream fail after that many bytes (an interruption);
    `ignore_range` makes it answer 200 with everything, as some stores do."""

    def __init__(self):
        self.objects = {}
        self.gets = []  # (bucket, key, start)
        self.cut_after = None
        self.ignore_range = False

    def put(self, bucket, key, data, etag=None):
        self.objects[(bucket, key)] = (data, etag or '"%s"' % hashlib.md5(data).hexdigest())

    def head(self, bucket, key):
        data, etag = self._find(bucket, key)
        return ObjectInfo(etag, len(data))

    def get(self, bucket, key, start=0):
        data, etag = self._find(bucket, key)
        self.gets.append((bucket, key, start))
        if self.ignore_range:
            start = 0
        stream = io.BytesIO(data[start:])
        if self.cut_after is not None:
            stream, self.cut_after = _Cut(data[start:], self.cut_after), None
        return ObjectBody(etag, stream, partial=start > 0)

    def _find(self, bucket, key):
        if (bucket, key) not in self.objects:
            raise ObjectMissing("s3://%s/%s does not exist" % (bucket, key))
        return self.objects[(bucket, key)]


class _Cut:
    def __init__(self, data, limit):
        self.data, self.limit, self.sent = data, limit, 0

    def read(self, n):
        if self.sent >= self.limit:
            raise ConnectionResetError("connection reset by peer")
        chunk = self.data[self.sent:min(self.limit, self.sent + min(n, 7))]
        self.sent += len(chunk)
        return chunk


class FakeLauncher(Launcher):
    """Records starts and stops; `fail_next` makes the next start raise it."""

    def __init__(self, running=None):
        self.current = running
        self.events = []
        self.fail_next = None

    def start(self, release, check_seconds):
        self.stop()
        if self.fail_next:
            failure, self.fail_next = self.fail_next, None
            raise failure
        self.current = release
        self.events.append(("start", release["deploymentJob"]))

    def stop(self):
        if self.current:
            self.events.append(("stop", self.current["deploymentJob"]))
        self.current = None

    def running(self):
        return self.current


class FakeProtocol:
    """Records reports; `answer(report)` decides `continue` (default: go on while InProgress)."""

    def __init__(self, answer=None):
        self.reports = []
        self.answer = answer or (lambda report: report["result"] == "InProgress")

    def report(self, body):
        self.reports.append(dict(body))
        return self.answer(body)

    def steps(self):
        """The steps reported, each once (a download reports its progress more than once)."""
        steps = []
        for report in self.reports:
            if not steps or steps[-1] != report["step"]:
                steps.append(report["step"])
        return steps


class FakeService:
    """fleetsync's agent endpoints on 127.0.0.1: answers polls from a queue, records reports, checks signatures."""

    def __init__(self):
        self.polls = []  # queued answers: a dict (200) or (status, error_type, message)
        self.report_answers = []  # queued answers (or functions of the report) for reports; when empty, continue
        # while InProgress
        self.requests = []  # (path, decoded body)
        self.bad_signatures = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                problem = verify_sigv4(self.command, self.path, dict(self.headers.items()), body, SECRET)
                if problem:
                    service.bad_signatures.append(problem)
                    return self._send(403, {"message": problem}, "InvalidSignatureException")
                decoded = json.loads(body)
                service.requests.append((self.path, decoded))
                queue = service.polls if self.path == "/agent/v1/poll" else service.report_answers
                answer = queue.pop(0) if queue else (
                    {} if self.path == "/agent/v1/poll" else {"continue": decoded.get("result") == "InProgress"})
                if callable(answer):
                    answer = answer(decoded)
                if isinstance(answer, tuple):
                    status, error_type, message = answer
                    return self._send(status, {"message": message}, error_type)
                self._send(200, answer)

            def _send(self, status, value, error_type=None):
                data = json.dumps(value).encode() if not isinstance(value, bytes) else value
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                if error_type:
                    self.send_header("X-Amzn-ErrorType", error_type + ":http://internal.amazon.com/coral/")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def reports(self):
        return [body for path, body in self.requests if path == "/agent/v1/report"]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def verify_sigv4(method, path, headers, body, secret, service="robomaker", region="us-west-2"):
    """Checks an AWS SigV4 signature the way a server does, independently of botocore. None when it is valid."""
    headers = {k.lower(): v for k, v in headers.items()}
    auth = headers.get("authorization", "")
    if not auth.startswith("AWS4-HMAC-SHA256 "):
        return "not signed"
    parts = dict(p.strip().split("=", 1) for p in auth[len("AWS4-HMAC-SHA256 "):].split(","))
    key_id, date, scope_region, scope_service, terminator = parts["Credential"].split("/")
    if (scope_region, scope_service, terminator) != (region, service, "aws4_request"):
        return "wrong scope " + parts["Credential"]
    signed = parts["SignedHeaders"].split(";")
    canonical = "\n".join([method, path, "", "".join("%s:%s\n" % (h, " ".join(headers[h].split())) for h in signed),
                           ";".join(signed), hashlib.sha256(body).hexdigest()])
    amz_date = headers["x-amz-date"]
    scope = "/".join([date, region, service, "aws4_request"])
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + secret).encode()
    for part in (date, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return None if hmac.compare_digest(expected, parts["Signature"]) else "signature does not match"


STAND_IN = '''#!%s
# A stand-in for "ros2 launch": records how it was started, then runs until it is stopped.
import json, os, sys, time
record = os.environ["STAND_IN_RECORD"]
with open(record, "a") as f:  # one JSON line per start
    f.write(json.dumps({"argv": sys.argv[1:], "cwd": os.getcwd(), "env": dict(os.environ)}) + "\\n")
if os.environ.get("STAND_IN_EXIT"):
    sys.exit(int(os.environ["STAND_IN_EXIT"]))
if os.environ.get("STAND_IN_IGNORE_TERM"):
    import signal
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
while True:
    time.sleep(1)
'''


def write_stand_in(directory):
    import sys
    path = os.path.join(directory, "stand-in-launch")
    with open(path, "w") as f:
        f.write(STAND_IN % sys.executable)
    os.chmod(path, 0o755)
    return path


def starts(record):
    """What the stand-in recorded, one entry per start."""
    if not os.path.exists(record):
        return []
    return [json.loads(line) for line in read(record).splitlines() if line.endswith("}")]


def wait_for(predicate, limit=10.0):
    """Waits for something another process does; the limit only keeps a broken test from hanging."""
    import time
    deadline = time.monotonic() + limit
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("gave up waiting")
        time.sleep(0.01)


def process_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is not alive
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False
