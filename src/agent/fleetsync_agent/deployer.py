"""The step machine: one deployment at a time, its state persisted after every step so a restart resumes it.

A deployment's phase is the step it is in (or is about to start), then Succeeded, Failed or Canceled. The release
running before it (`previous`) is kept in its state, so a failure or a cancel can always bring it back.
"""

import logging
import os
import shutil
import time

from . import bundle
from .backoff import Backoff
from .client import ReportRejected
from .errors import Canceled, StepFailure, Stopping, truncate
from .launcher import release_env
from .objectstore import ObjectDenied, ObjectMissing, ObjectStoreError
from .state import FINAL, job_id

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 2

# The order steps run in: RoboMaker's progressDetail order. The download condition runs on the robot once the bundle
# is in place and before anything of it runs, so a robot that is not ready (docked, charged, idle) keeps its version.
STEPS = ["Validating", "DownloadingExtracting", "ExecutingDownloadCondition", "ExecutingPreLaunch", "Launching",
         "ExecutingPostLaunch", "Finished"]
# percentDone when each step starts; the download fills the range up to the next step.
PERCENT = {"Validating": 0, "DownloadingExtracting": 5, "ExecutingDownloadCondition": 65, "ExecutingPreLaunch": 70,
           "Launching": 80, "ExecutingPostLaunch": 90, "Finished": 100}
MIB = 1 << 20


class Deployer:
    def __init__(self, config, store, objects, scripts, launcher, protocol, clock=time.time,
                 disk_free=lambda path: shutil.disk_usage(path).free, env=None, sleep=time.sleep):
        self.config = config
        self.store = store
        self.objects = objects
        self.scripts = scripts
        self.launcher = launcher
        self.protocol = protocol
        self.clock = clock
        self.disk_free = disk_free
        self.env = dict(os.environ if env is None else env)
        self.sleep = sleep
        self.jobs_dir = os.path.join(config.bundle_dir, "jobs")
        self.downloads_dir = os.path.join(config.bundle_dir, "downloads")
        os.makedirs(self.jobs_dir, exist_ok=True)
        os.makedirs(self.downloads_dir, exist_ok=True)

    # -- entry points -------------------------------------------------------------------------------------------

    def recover(self):
        """At start-up: relaunch the release that was running, then finish what was left unfinished."""
        bundle.remove_partial_extractions(self.jobs_dir)
        current = self.store.current()
        if current:
            try:
                self.launcher.start(current, 0)
            except StepFailure as e:
                log.error("cannot relaunch %s: %s", current.get("deploymentJob"), e.reason)
        for deployment in self.store.unfinished():
            log.info("resuming %s from %s after a restart", _short(deployment), deployment["phase"])
            self._continue(deployment)

    def handle(self, assignment):
        """One assignment from a poll. A job already finished is not deployed again, its outcome is reported again;
        one in progress is resumed. Returns whether anything was deployed (False: only repeated or refused)."""
        job = assignment.get("deploymentJob")
        try:
            deployment = self.store.load(job) if job else None
        except ValueError:
            log.error("ignoring an assignment for %r: not a deployment job ARN", job)
            return False
        if deployment is not None and deployment["phase"] in FINAL:
            log.info("%s: handed again, already %s; repeating its outcome", _short(deployment), deployment["phase"])
            deployment["acknowledged"] = False
            self._send_final(deployment)
            return False
        problem = _refusal(assignment)
        if deployment is None and problem:
            if not job:
                log.error("ignoring an assignment without a deploymentJob: %s", problem)
                return False
            self._fail(self._new(assignment), StepFailure("EnvironmentSetupError", problem))
            return False
        if deployment is None:
            deployment = self._new(assignment)
            log.info("%s: assigned %s version %s", _short(deployment), assignment.get("application"),
                     assignment.get("applicationVersion"))
        else:
            log.info("%s: handed again while %s; resuming", _short(deployment), deployment["phase"])
        self._continue(deployment)
        return True

    # -- the machine -----------------------------------------------------------------------------------------------

    def _new(self, assignment):
        deployment = {"deploymentJob": assignment["deploymentJob"], "assignment": assignment, "phase": STEPS[0],
                      "percentDone": 0, "startedAt": self.clock(), "previous": self.store.current(),
                      "release": None, "acknowledged": False}
        self.store.save(deployment)
        return deployment

    def _continue(self, deployment):
        if deployment["phase"] in FINAL:
            self._send_final(deployment)
            return
        try:
            for step in STEPS[STEPS.index(deployment["phase"]):-1]:
                if deployment["phase"] != step:
                    deployment["phase"] = step
                    self.store.save(deployment)
                if not _applies(step, deployment["assignment"]):
                    continue  # e.g. no download condition file: the step is not reported at all
                self._progress(deployment, step, PERCENT[step])
                getattr(self, "_" + step)(deployment)
                deployment["phase"] = STEPS[STEPS.index(step) + 1]
                self.store.save(deployment)
            deployment.update(phase="Succeeded", percentDone=100)
            self.store.save(deployment)
            log.info("%s: Finished (100%%), version %s is running", _short(deployment),
                     deployment["assignment"].get("applicationVersion"))
            self._prune()
            self._send_final(deployment)
        except StepFailure as e:
            self._fail(deployment, e)
        except Canceled:
            log.warning("%s: canceled by the service during %s; restoring the previous version", _short(deployment),
                        deployment["phase"])
            self._restore(deployment)
            deployment.update(phase="Canceled", acknowledged=True)
            self.store.save(deployment)
            self._prune()
        except ReportRejected as e:
            log.error("%s: the service refused a report (%s); abandoning this deployment and its reports",
                      _short(deployment), e)
            self._restore(deployment)
            deployment.update(phase="Canceled", acknowledged=True, failureReason=truncate(str(e)))
            self.store.save(deployment)
        except Stopping:
            raise
        except Exception as e:  # a bug in the agent must still end the deployment in a known state
            log.exception("%s: unexpected error", _short(deployment))
            self._fail(deployment, StepFailure("InternalServerError", "the robot agent failed: %r" % e))

    def _fail(self, deployment, failure):
        log.error("%s: %s failed: %s: %s", _short(deployment), deployment["phase"], failure.code, failure.reason)
        self._restore(deployment)
        deployment.update(failedStep=deployment["phase"] if deployment["phase"] in STEPS else "Validating",
                          phase="Failed", failureCode=failure.code, failureReason=failure.reason)
        self.store.save(deployment)
        self._prune()
        self._send_final(deployment)

    def _restore(self, deployment):
        """Stops what this deployment launched and brings the previous release back."""
        running = self.launcher.running()
        previous = deployment.get("previous")
        if running and running.get("deploymentJob") == deployment["deploymentJob"]:
            self.launcher.stop()
            running = None
        if previous and running is None:
            log.info("%s: relaunching the previous version %s (%s)", _short(deployment),
                     previous.get("applicationVersion"), previous.get("deploymentJob"))
            try:
                self.launcher.start(previous, 0)
            except StepFailure as e:
                log.error("%s: cannot relaunch the previous version: %s", _short(deployment), e.reason)
        self.store.set_current(previous)

    # -- the steps, one method each, named after the step -----------------------------------------------------

    def _Validating(self, deployment):
        source = deployment["assignment"]["source"]
        robot = self.config.architecture
        if not robot:
            raise StepFailure("MissingRobotArchitecture", "this robot's architecture is unknown; set architecture "
                              "(X86_64, ARM64 or ARMHF) in the agent's configuration")
        if source.get("architecture") and source["architecture"] != robot:
            raise StepFailure("MissingRobotApplicationArchitecture", "the application's source is for %s, this robot "
                              "is %s; add a %s source to the application version" % (source["architecture"], robot, robot))
        size = self._object_size(source["s3Bucket"], source["s3Key"])
        needed = 3 * size + self.config.min_free_disk_mb * MIB  # the download, its extraction, and room to spare
        free = self.disk_free(self.config.bundle_dir)
        if free < needed:
            raise StepFailure("EnvironmentSetupError", "%d MiB free in %s, the bundle (%d MiB) needs about %d MiB; "
                              "free some space" % (free // MIB, self.config.bundle_dir, size // MIB, needed // MIB))

    def _ExecutingDownloadCondition(self, deployment):
        condition = deployment["assignment"]["downloadConditionFile"]
        job = job_id(deployment["deploymentJob"])
        path = os.path.join(self.downloads_dir, job + ".condition")
        if os.path.exists(path):
            os.remove(path)  # small: fetch it again rather than trust a copy from before a restart
        bundle.download(self.objects, condition["bucket"], condition["key"], condition.get("etag"), path,
                        backoff=self._backoff(), sleep=self.sleep)
        os.chmod(path, 0o700)
        env = release_env(self.env, self._release(deployment))
        self.scripts.run(path, self.downloads_dir, env, self.config.script_timeout_seconds, "DownloadConditionFailed",
                         "the download condition file s3://%s/%s" % (condition["bucket"], condition["key"]))

    def _DownloadingExtracting(self, deployment):
        source = deployment["assignment"]["source"]
        job = job_id(deployment["deploymentJob"])
        target = os.path.join(self.jobs_dir, job)
        if not os.path.isdir(target):
            archive = os.path.join(self.downloads_dir, job + ".bundle")
            span = PERCENT["ExecutingPreLaunch"] - PERCENT["DownloadingExtracting"] - 5  # the last 5 for extraction

            def progress(done, total):
                percent = PERCENT["DownloadingExtracting"] + (span * done // total if total else span)
                if percent >= deployment["percentDone"] + 10:
                    self._progress(deployment, "DownloadingExtracting", percent)

            bundle.download(self.objects, source["s3Bucket"], source["s3Key"], source.get("etag"), archive, progress,
                            backoff=self._backoff(), sleep=self.sleep)
            bundle.extract(archive, self.jobs_dir, job)
            os.remove(archive)
        deployment["release"] = self._release(deployment)

    def _ExecutingPreLaunch(self, deployment):
        self._script(deployment, "preLaunchFile", "PreLaunchFileFailure", "the pre-launch file")

    def _Launching(self, deployment):
        release = deployment["release"]
        self.launcher.start(release, self.config.launch_check_seconds)  # stops the previous release first
        self.store.set_current(release)

    def _ExecutingPostLaunch(self, deployment):
        if deployment["release"] != self.launcher.running():
            # A restart between Launching and here: recover() relaunched current.json, which is this release.
            self.launcher.start(deployment["release"], self.config.launch_check_seconds)
        self._script(deployment, "postLaunchFile", "PostLaunchFileFailure", "the post-launch file")

    def _script(self, deployment, member, failure_code, what):
        relative = deployment["assignment"]["launchConfig"][member]
        release = deployment["release"]
        parts = relative.replace("\\", "/").split("/")
        if relative.startswith("/") or ".." in parts:
            raise StepFailure(failure_code, "%s %s must be a path inside the bundle" % (what, relative))
        path = os.path.join(release["bundleDir"], *[p for p in parts if p])
        self.scripts.run(path, release["bundleDir"], release_env(self.env, release),
                         self.config.script_timeout_seconds, failure_code, what)

    # -- helpers -------------------------------------------------------------------------------------------------

    def _release(self, deployment):
        assignment = deployment["assignment"]
        launch = assignment.get("launchConfig") or {}
        return {"deploymentJob": assignment["deploymentJob"], "application": assignment.get("application", ""),
                "applicationVersion": str(assignment.get("applicationVersion", "")),
                "bundleDir": os.path.join(self.jobs_dir, job_id(assignment["deploymentJob"])),
                "packageName": launch.get("packageName", ""), "launchFile": launch.get("launchFile", ""),
                "environmentVariables": dict(launch.get("environmentVariables") or {})}

    def _backoff(self):
        return Backoff(self.config.backoff_base_seconds, self.config.backoff_max_seconds)

    def _object_size(self, bucket, key):
        try:
            return self.objects.head(bucket, key).size
        except ObjectMissing as e:
            raise StepFailure("ResourceNotFound", str(e))
        except ObjectDenied as e:
            raise StepFailure("BadPermissionError", str(e))
        except ObjectStoreError as e:
            raise StepFailure("EnvironmentSetupError", "cannot reach the bundle store: %s" % e)

    def _progress(self, deployment, step, percent):
        deployment["percentDone"] = percent
        self.store.save(deployment)
        log.info("%s: %s (%d%%)", _short(deployment), step, percent)
        report = {"deploymentJob": deployment["deploymentJob"], "step": step, "percentDone": percent,
                  "result": "InProgress"}
        eta = self._eta(deployment, percent)
        if eta is not None:
            report["estimatedTimeRemainingSeconds"] = eta
        if not self.protocol.report(report):
            raise Canceled()

    def _eta(self, deployment, percent):
        # Time so far scaled by what is left: rough, but it shrinks as the deployment moves and needs no model.
        elapsed = max(0.0, self.clock() - deployment["startedAt"])
        if percent <= 0 or elapsed <= 0:
            return None
        return int(round(elapsed * (100 - percent) / percent))

    def _send_final(self, deployment):
        if deployment["phase"] == "Canceled":
            deployment["acknowledged"] = True  # the service ended it; there is nothing to tell it
        elif deployment["phase"] == "Succeeded":
            report = {"deploymentJob": deployment["deploymentJob"], "step": "Finished", "percentDone": 100,
                      "estimatedTimeRemainingSeconds": 0, "result": "Succeeded"}
            self._final(deployment, report)
        else:
            report = {"deploymentJob": deployment["deploymentJob"], "step": deployment.get("failedStep", "Validating"),
                      "percentDone": deployment.get("percentDone", 0), "result": "Failed",
                      "failureCode": deployment["failureCode"], "failureReason": deployment["failureReason"]}
            self._final(deployment, report)
        self.store.save(deployment)

    def _final(self, deployment, report):
        try:
            self.protocol.report(report)  # continue is false either way: the deployment is over
        except ReportRejected as e:
            log.error("%s: the service refused the final report (%s); not sending it again", _short(deployment), e)
        deployment["acknowledged"] = True

    def _prune(self):
        """Keeps the bundles of the running release, the previous one and unfinished deployments; removes the rest."""
        keep = set()
        current = self.store.current()
        if current:
            keep.add(os.path.basename(current["bundleDir"]))
        for deployment in self.store.unfinished():
            keep.add(job_id(deployment["deploymentJob"]))
        names = sorted(os.listdir(self.jobs_dir), key=lambda n: os.path.getmtime(os.path.join(self.jobs_dir, n)))
        spare = [n for n in names if n not in keep and not n.startswith(".")]
        for name in spare[:-1]:  # the newest other one stays, so there is one version to go back to by hand
            shutil.rmtree(os.path.join(self.jobs_dir, name), ignore_errors=True)
        self.store.forget_old()
        for name in os.listdir(self.downloads_dir):  # downloads of deployments that are over
            if not any(name.startswith(job + ".") for job in keep):
                os.remove(os.path.join(self.downloads_dir, name))


def _applies(step, assignment):
    """Whether a step has anything to do for this assignment; the optional ones depend on optional members."""
    launch = assignment.get("launchConfig") or {}
    optional = {"ExecutingDownloadCondition": assignment.get("downloadConditionFile"),
                "ExecutingPreLaunch": launch.get("preLaunchFile"), "ExecutingPostLaunch": launch.get("postLaunchFile")}
    return bool(optional.get(step, True))


def _refusal(assignment):
    version = assignment.get("protocolVersion", PROTOCOL_VERSION)
    if not isinstance(version, int) or version > PROTOCOL_VERSION:
        return "the assignment uses protocol version %r, this agent speaks %d; upgrade the agent" % (
            version, PROTOCOL_VERSION)
    source = assignment.get("source")
    if not isinstance(source, dict) or not source.get("s3Bucket") or not source.get("s3Key"):
        return "the assignment has no source for this robot (s3Bucket, s3Key)"
    launch = assignment.get("launchConfig")
    if not isinstance(launch, dict) or not launch.get("packageName") or not launch.get("launchFile"):
        return "the assignment's launchConfig has no packageName or launchFile"
    try:
        job_id(assignment.get("deploymentJob") or "")
    except ValueError as e:
        return str(e)
    return None


def _short(deployment):
    return deployment["deploymentJob"].rsplit("/", 1)[-1]
