"""The botocore S3 client against a small S3-compatible server on 127.0.0.1: path-style, ranges, errors."""

import hashlib
import os
import re
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from fleetsync_agent import bundle
from fleetsync_agent.errors import StepFailure
from fleetsync_agent.objectstore import ObjectDenied, ObjectMissing, S3ObjectStore
from tests.fakes import TempDir

DATA = os.urandom(50000)
ETAG = hashlib.md5(DATA).hexdigest()


class FakeS3:
    def __init__(self):
        self.requests = []  # (method, path, Range header)
        self.cut_first_get_at = None
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_HEAD(self):
                self.answer(head=True)

            def do_GET(self):
                self.answer(head=False)

            def answer(self, head):
                fake.requests.append((self.command, self.path, self.headers.get("Range")))
                if self.headers.get("x-amz-checksum-mode"):  # as s3proxy answers it
                    return self.error(501, "NotImplemented")
                if not self.headers.get("Authorization", "").startswith("AWS4-HMAC-SHA256"):
                    return self.error(403, "AccessDenied")
                if self.path == "/denied/bundle.tar":
                    return self.error(403, "AccessDenied")
                if self.path != "/my-bundles/picker/x86.tar":
                    return self.error(404, "NoSuchKey")
                start, status = 0, 200
                match = re.match(r"bytes=(\d+)-$", self.headers.get("Range") or "")
                if match and not head:
                    start, status = int(match.group(1)), 206
                body = DATA[start:]
                self.send_response(status)
                self.send_header("ETag", '"%s"' % ETAG)
                self.send_header("Content-Length", str(len(body)))
                if status == 206:
                    self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(DATA) - 1, len(DATA)))
                self.end_headers()
                if head:
                    return
                if fake.cut_first_get_at is not None:
                    cut, fake.cut_first_get_at = fake.cut_first_get_at, None
                    self.wfile.write(body[:cut])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(body)

            def error(self, status, code):
                body = b"" if self.command == "HEAD" else (
                    "<Error><Code>%s</Code><Message>no</Message></Error>" % code).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class S3ObjectStoreTest(unittest.TestCase):
    def setUp(self):
        self.s3 = FakeS3()
        self.addCleanup(self.s3.close)
        self.tmp = TempDir()
        self.addCleanup(self.tmp.cleanup)
        self.store = S3ObjectStore(self.s3.url, "us-east-1", "AKIDS3", "s3-secret", timeout=5)

    def test_an_object_is_read_path_style_with_its_etag(self):
        info = self.store.head("my-bundles", "picker/x86.tar")
        self.assertEqual(('"%s"' % ETAG, len(DATA)), (info.etag, info.size))
        dest = bundle.download(self.store, "my-bundles", "picker/x86.tar", ETAG, self.tmp.join("b"))
        with open(dest, "rb") as f:
            self.assertEqual(DATA, f.read())
        self.assertEqual([("HEAD", "/my-bundles/picker/x86.tar", None), ("GET", "/my-bundles/picker/x86.tar", None)],
                         self.s3.requests[1:])  # the first HEAD is this test's own

    def test_no_checksum_mode_is_asked_for_which_s3_compatible_stores_refuse(self):
        body = self.store.get("my-bundles", "picker/x86.tar")
        self.assertEqual(DATA, body.read(len(DATA) + 1))
        body.close()

    def test_the_checksum_settings_are_left_out_for_a_botocore_that_does_not_know_them(self):
        class OldConfigModule:
            @staticmethod
            def Config(**kwargs):
                if "response_checksum_validation" in kwargs:
                    raise TypeError("Got unexpected keyword argument 'response_checksum_validation'")
                return kwargs

        from fleetsync_agent.objectstore import _client_config
        self.assertEqual({"addressing_style": "path"}, _client_config(OldConfigModule, 5)["s3"])

    def test_a_connection_cut_mid_download_is_resumed_with_a_range(self):
        self.s3.cut_first_get_at = 20000
        dest = bundle.download(self.store, "my-bundles", "picker/x86.tar", ETAG, self.tmp.join("b"),
                               sleep=lambda seconds: None)
        with open(dest, "rb") as f:
            self.assertEqual(DATA, f.read())
        ranges = [r for method, path, r in self.s3.requests if method == "GET"]
        self.assertEqual(None, ranges[0])
        self.assertRegex(ranges[-1], r"^bytes=\d+-$")
        self.assertGreater(int(ranges[-1][6:-1]), 0)

    def test_missing_and_forbidden_objects_are_told_apart(self):
        with self.assertRaises(ObjectMissing):
            self.store.head("my-bundles", "nope.tar")
        with self.assertRaises(ObjectDenied):
            self.store.get("denied", "bundle.tar")
        with self.assertRaises(StepFailure) as caught:
            bundle.download(self.store, "denied", "bundle.tar", ETAG, self.tmp.join("b"))
        self.assertEqual("BadPermissionError", caught.exception.code)


if __name__ == "__main__":
    unittest.main()
