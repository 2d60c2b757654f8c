"""Launching a release (the robot application of one deployment) and supervising it.

A release is a dict: deploymentJob, application, applicationVersion, bundleDir, packageName, launchFile,
environmentVariables. The application runs in a process group of its own, so stopping it stops everything it started.
"""

import logging
import os
import shlex
import signal
import subprocess
import threading
import time

from .backoff import Backoff
from .errors import StepFailure

log = logging.getLogger(__name__)


def release_env(base_env, release):
    """The environment of a release's processes: the agent's own minus its FLEETSYNC_* settings (they hold the
    robot's secret), plus the deployment's names and the assignment's environment variables."""
    env = {k: v for k, v in base_env.items() if not k.startswith("FLEETSYNC_")}
    env.update({
        "FLEETSYNC_DEPLOYMENT_JOB": release.get("deploymentJob", ""),
        "FLEETSYNC_APPLICATION": release.get("application", ""),
        "FLEETSYNC_APPLICATION_VERSION": release.get("applicationVersion", ""),
        "FLEETSYNC_BUNDLE_DIR": release["bundleDir"],
    })
    env.update(release.get("environmentVariables") or {})
    return env


def launch_argv(template, release):
    # Split first, then fill in: a value with a space in it stays one argument.
    fields = {"packageName": release["packageName"], "launchFile": release["launchFile"],
              "bundleDir": release["bundleDir"]}
    return [token.format(**fields) for token in shlex.split(template)]


class Launcher:
    """The interface the deployer uses; tests substitute their own."""

    def start(self, release, check_seconds):
        """Starts `release`; raises StepFailure when it cannot be started or exits within `check_seconds` (0: no
        check, for relaunching a release that already ran)."""
        raise NotImplementedError

    def stop(self):
        """Stops the running release, if any."""
        raise NotImplementedError

    def running(self):
        """The release started last and not stopped, or None."""
        raise NotImplementedError


class ProcessLauncher(Launcher):
    def __init__(self, command_template, stop_grace, base_env=None, backoff=None, healthy_after=60.0,
                 clock=time.monotonic):
        self.template = command_template
        self.stop_grace = stop_grace
        self.base_env = dict(os.environ if base_env is None else base_env)
        self.backoff = backoff or Backoff(1.0, 60.0)
        self.healthy_after = healthy_after
        self.clock = clock
        self._lock = threading.Lock()
        self._release = None
        self._process = None
        self._stopped = threading.Event()
        self._exited = threading.Event()
        self._thread = None
        self.starts = 0

    def running(self):
        return self._release

    def start(self, release, check_seconds):
        self.stop()
        argv = launch_argv(self.template, release)
        process = self._spawn(argv, release)  # the first start's errors belong to the Launching step
        self._stopped = threading.Event()
        self._exited = threading.Event()
        self._release = release
        self._thread = threading.Thread(target=self._supervise, args=(argv, release, process, self._stopped,
                                                                      self._exited), daemon=True)
        self._thread.start()
        if check_seconds > 0 and self._exited.wait(check_seconds):
            code = process.returncode
            self.stop()
            raise StepFailure("EnvironmentSetupError", "the launch command %s exited with status %s within %g s of "
                              "starting; the agent's journal has its output" % (" ".join(argv), code, check_seconds))
        log.info("launched %s (pid %d, job %s)", " ".join(argv), process.pid, release.get("deploymentJob"))

    def _spawn(self, argv, release, stopped=None):
        """Starts the process; None when `stopped` was set meanwhile (checked under the lock stop() takes, so a
        restart never races a stop into an orphan)."""
        with self._lock:
            if stopped is not None and stopped.is_set():
                return None
            if not os.path.isdir(release["bundleDir"]):
                raise StepFailure("EnvironmentSetupError", "the bundle directory %s is gone" % release["bundleDir"])
            try:
                process = subprocess.Popen(argv, cwd=release["bundleDir"], env=release_env(self.base_env, release),
                                           stdin=subprocess.DEVNULL, start_new_session=True)
            except FileNotFoundError:
                raise StepFailure("EnvironmentSetupError", "the launch command %s was not found; install it, or set "
                                  "launch_command in the agent's configuration" % argv[0])
            except PermissionError as e:
                raise StepFailure("BadPermissionError", "the launch command %s may not be run: %s" % (argv[0], e))
            except OSError as e:
                raise StepFailure("EnvironmentSetupError", "the launch command %s could not be started: %s"
                                  % (argv[0], e))
            self._process = process
            self.starts += 1
            return process

    def _supervise(self, argv, release, process, stopped, exited):
        """Restarts the application when it exits, with back-off, until it is stopped."""
        while True:
            started = self.clock()
            code = process.wait()
            if stopped.is_set():
                return
            exited.set()
            if self.clock() - started >= self.healthy_after:
                self.backoff.reset()
            delay = self.backoff.next_delay()
            log.warning("the application of %s exited with status %s; restarting it in %.1f s",
                        release.get("deploymentJob"), code, delay)
            if stopped.wait(delay):
                return
            try:
                restarted = self._spawn(argv, release, stopped)
            except StepFailure as e:
                log.error("cannot restart the application: %s", e.reason)
                if stopped.wait(self.backoff.next_delay()):
                    return
                continue
            if restarted is None:
                return
            process = restarted

    def stop(self):
        with self._lock:
            self._stopped.set()
            process, self._process = self._process, None
        if process is not None and process.poll() is None:
            log.info("stopping the application of %s (pid %d)", (self._release or {}).get("deploymentJob"),
                     process.pid)
            _signal_group(process, signal.SIGTERM)
            try:
                process.wait(self.stop_grace)
            except subprocess.TimeoutExpired:
                log.warning("the application did not stop within %g s; killing it", self.stop_grace)
                _signal_group(process, signal.SIGKILL)
                process.wait()
        if process is not None:
            _signal_group(process, signal.SIGKILL)  # whatever it left behind in its group
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None
        self._release = None


def _signal_group(process, sig):
    try:
        os.killpg(process.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass
