#!/usr/bin/env python3
"""Runs the agent's unit tests and writes JUnit XML reports as Maven Surefire does (one TEST-<class>.xml per test
class) into the directory given, for CI to count. Exits non-zero when a test fails. Standard library only.

    python3 src/agent/run_tests.py target/surefire-reports
"""

import io
import logging
import os
import socket
import sys
import time
import traceback
import unittest
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))


class RecordingResult(unittest.TextTestResult):
    """Keeps each test's outcome, time and log output."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cases = []  # (class name, test name, seconds, outcome, message, details, log)
        self.log = io.StringIO()
        self._handler = logging.StreamHandler(self.log)
        self._handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def startTest(self, test):
        self._started = time.monotonic()
        self.log.seek(0)
        self.log.truncate()
        logging.getLogger().addHandler(self._handler)
        super().startTest(test)

    def stopTest(self, test):
        super().stopTest(test)
        logging.getLogger().removeHandler(self._handler)

    def _record(self, test, outcome, err=None, message=""):
        details = "".join(traceback.format_exception(*err)) if err else ""
        if err:
            message = "%s: %s" % (err[0].__name__, err[1])
        cls = "agent.%s.%s" % (type(test).__module__, type(test).__name__)
        name = getattr(test, "_testMethodName", str(test))
        self.cases.append((cls, name, time.monotonic() - self._started, outcome, message, details,
                           self.log.getvalue()))

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failure", err)

    def addError(self, test, err):
        super().addError(test, err)
        if not hasattr(test, "_testMethodName"):  # a module or class that failed to load or set up
            self._started = getattr(self, "_started", time.monotonic())
        self._record(test, "error", err)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skipped", message=reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._record(test, "passed")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, "failure", message="unexpected success")


def write_reports(cases, directory):
    os.makedirs(directory, exist_ok=True)
    by_class = {}
    for case in cases:
        by_class.setdefault(case[0], []).append(case)
    host = socket.gethostname()
    for cls, items in sorted(by_class.items()):
        count = lambda outcome: sum(1 for item in items if item[3] == outcome)
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<testsuite name=%s time="%.3f" tests="%d" errors="%d" skipped="%d" failures="%d" hostname=%s>'
                 % (quoteattr(cls), sum(item[2] for item in items), len(items), count("error"), count("skipped"),
                    count("failure"), quoteattr(host))]
        for _, name, seconds, outcome, message, details, log in items:
            lines.append('  <testcase name=%s classname=%s time="%.3f"%s' % (
                quoteattr(name), quoteattr(cls), seconds, ">" if outcome != "passed" else "/>"))
            if outcome == "passed":
                continue
            if outcome == "skipped":
                lines.append("    <skipped message=%s/>" % quoteattr(message))
            else:
                lines.append("    <%s message=%s type=%s>%s</%s>" % (
                    outcome, quoteattr(message[:500]), quoteattr(message.split(":")[0]), escape(details), outcome))
                if log:
                    lines.append("    <system-out>%s</system-out>" % escape(log))
            lines.append("  </testcase>")
        lines.append("</testsuite>")
        with open(os.path.join(directory, "TEST-%s.xml" % cls), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def main(argv):
    if len(argv) != 2:
        print("usage: run_tests.py REPORT_DIR", file=sys.stderr)
        return 2
    sys.path.insert(0, HERE)
    logging.getLogger().setLevel(logging.INFO)
    logging.lastResort = None  # the log goes into the reports of failing tests, not onto the console
    suite = unittest.defaultTestLoader.discover(os.path.join(HERE, "tests"), top_level_dir=HERE)
    result = unittest.TextTestRunner(resultclass=RecordingResult, verbosity=1).run(suite)
    write_reports(result.cases, argv[1])
    passed = sum(1 for case in result.cases if case[3] == "passed")
    print("fleetsync agent: %d passed, %d failed, %d skipped (python %s); reports in %s" % (
        passed, len(result.failures) + len(result.errors), len(result.skipped), sys.version.split()[0], argv[1]))
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
