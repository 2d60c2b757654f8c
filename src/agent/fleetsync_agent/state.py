"""The agent's state on disk: one JSON file per deployment, and the release that is running now.

Every write is atomic (temp file, fsync, rename, fsync of the directory), so a power cut leaves either the old or the
new file, never half of one.
"""

import json
import os
import re

FINAL = ("Succeeded", "Failed", "Canceled")
_JOB_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")


def job_id(job_arn):
    """The last part of a deployment job's ARN, used as a file and directory name."""
    tail = job_arn.rsplit("/", 1)[-1]
    if not _JOB_ID.match(tail) or tail in (".", ".."):
        raise ValueError("not a usable deployment job ARN: %r" % job_arn)
    return tail


def write_json_atomic(path, value):
    directory = os.path.dirname(path)
    os.makedirs(directory, exist_ok=True)
    tmp = "%s.tmp-%d" % (path, os.getpid())
    # 0600: an assignment's environment variables may hold something private.
    with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
        json.dump(value, f, indent=1, sort_keys=True)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_dir(directory)


def fsync_dir(directory):
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return None


class StateStore:
    """deployments/<job-id>.json holds one deployment's state; current.json the release launched now (or none)."""

    def __init__(self, state_dir):
        self.state_dir = state_dir
        self.deployments_dir = os.path.join(state_dir, "deployments")
        os.makedirs(self.deployments_dir, exist_ok=True)

    def _path(self, job_arn):
        return os.path.join(self.deployments_dir, job_id(job_arn) + ".json")

    def load(self, job_arn):
        return read_json(self._path(job_arn))

    def save(self, deployment):
        write_json_atomic(self._path(deployment["deploymentJob"]), deployment)

    def unfinished(self):
        """Deployments this agent holds that are not done: in progress, or final but not yet acknowledged."""
        held = []
        for name in sorted(os.listdir(self.deployments_dir)):
            if name.endswith(".json"):
                deployment = read_json(os.path.join(self.deployments_dir, name))
                if deployment and (deployment["phase"] not in FINAL or not deployment.get("acknowledged")):
                    held.append(deployment)
        return held

    def forget_old(self, keep=200):
        """Removes the records of all but the newest `keep` finished deployments. A job is handed out again only
        when a poll's answer was lost, minutes later, so two hundred deployments back is far enough to remember."""
        done = []
        for name in os.listdir(self.deployments_dir):
            path = os.path.join(self.deployments_dir, name)
            deployment = read_json(path) if name.endswith(".json") else None
            if deployment and deployment["phase"] in FINAL and deployment.get("acknowledged"):
                done.append((os.path.getmtime(path), path))
        for _, path in sorted(done)[:-keep or None]:
            os.remove(path)

    def current(self):
        return read_json(os.path.join(self.state_dir, "current.json")) or None

    def set_current(self, release):
        write_json_atomic(os.path.join(self.state_dir, "current.json"), release or {})
