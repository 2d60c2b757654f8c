"""A deployer wired to fakes on a temporary bundle directory, with a previous version already running."""

import os
import unittest

from fleetsync_agent.config import Config
from fleetsync_agent.deployer import Deployer
from fleetsync_agent.scripts import ScriptRunner
from fleetsync_agent.state import StateStore
from tests.fakes import FakeLauncher, FakeObjectStore, FakeProtocol, TempDir, assignment, launch_config, script, tar_bytes

PREVIOUS = {"deploymentJob": "arn:aws:robomaker:us-west-2:123456789012:deployment-job/deployment-old000000000",
            "application": "arn:app", "applicationVersion": "0", "bundleDir": "/bundles/jobs/deployment-old000000000",
            "packageName": "picker", "launchFile": "picker.launch.py", "environmentVariables": {}}

PRE = script('echo "pre $MODE" > "$FLEETSYNC_BUNDLE_DIR/pre.out"')
POST = script('echo "post $MODE" > "$FLEETSYNC_BUNDLE_DIR/post.out"')


class DeployerTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = TempDir()
        self.addCleanup(self.tmp.cleanup)
        self.objects = FakeObjectStore()
        self.launcher = FakeLauncher(running=PREVIOUS)
        self.protocol = FakeProtocol()
        self.now = [1000.0]
        self.free = [10 << 30]
        self.sleeps = []
        self.config = Config({"endpoint": "http://svc", "robot_arn": "arn:robot", "access_key_id": "AK",
                              "secret_access_key": "s", "bundle_dir": self.tmp.join("bundles"),
                              "architecture": "X86_64", "launch_check_seconds": 0, "script_timeout_seconds": 10,
                              "min_free_disk_mb": 1})
        self.store = StateStore(self.config.state_dir)
        self.store.set_current(PREVIOUS)

    def deployer(self):
        """A new deployer on the same disk: what the agent is after a restart."""
        return Deployer(self.config, StateStore(self.config.state_dir), self.objects, ScriptRunner(), self.launcher,
                        self.protocol, clock=lambda: self.now[0], disk_free=lambda path: self.free[0],
                        env={"PATH": os.environ["PATH"]}, sleep=self.sleeps.append)

    def bundle(self, files=None, **launch):
        """Puts a bundle in the fake S3 and returns an assignment for it."""
        data = tar_bytes(files if files is not None else {"scripts/pre.sh": PRE, "scripts/post.sh": POST,
                                                          "share/picker/picker.launch.py": ("launch", 0o644)})
        self.objects.put("my-bundles", "picker/x86.tar.gz", data)
        return assignment(data=data, launchConfig=launch_config(**launch))

    def job_dir(self):
        return os.path.join(self.config.bundle_dir, "jobs", "deployment-abc123def456")

    def final(self):
        return self.protocol.reports[-1]

