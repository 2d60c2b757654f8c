"""Running the deployment's scripts (download condition, pre-launch, post-launch) with a time limit."""

import errno
import logging
import os
import signal
import subprocess

from .errors import StepFailure

log = logging.getLogger(__name__)

TAIL = 600  # how much of a failed script's output goes into the failure reason


class ScriptRunner:
    def run(self, path, cwd, env, timeout, failure_code, what):
        """Runs the executable `path`; raises StepFailure(failure_code) when it fails or times out, and
        StepFailure(BadPermissionError) when it may not be run."""
        if not os.path.isfile(path):
            raise StepFailure(failure_code, "%s %s does not exist in the bundle" % (what, _short(path, cwd)))
        if not os.access(path, os.X_OK):
            raise StepFailure("BadPermissionError", "%s %s is not executable; set its execute bit (chmod +x) "
                              "before bundling" % (what, _short(path, cwd)))
        try:
            process = subprocess.Popen([path], cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        except PermissionError as e:
            raise StepFailure("BadPermissionError", "%s %s may not be run: %s" % (what, _short(path, cwd), e))
        except OSError as e:
            if e.errno == errno.ENOEXEC:
                raise StepFailure(failure_code, "%s %s is not a program; does it start with a #! line?"
                                  % (what, _short(path, cwd)))
            raise StepFailure(failure_code, "%s %s could not be started: %s" % (what, _short(path, cwd), e))
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            output, _ = process.communicate()
            raise StepFailure(failure_code, "%s %s did not finish within %g s%s"
                              % (what, _short(path, cwd), timeout, _tail(output)))
        if process.returncode != 0:
            raise StepFailure(failure_code, "%s %s exited with status %d%s"
                              % (what, _short(path, cwd), process.returncode, _tail(output)))
        log.debug("%s %s succeeded", what, path)


def _kill_group(process):
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _short(path, cwd):
    return os.path.relpath(path, cwd) if cwd and path.startswith(cwd + os.sep) else path


def _tail(output):
    text = (output or b"").decode("utf-8", "replace").strip()
    if not text:
        return ""
    return "; its output ended: " + (text if len(text) <= TAIL else "..." + text[-TAIL:])
