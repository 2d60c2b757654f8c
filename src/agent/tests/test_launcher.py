import os
import unittest

from fleetsync_agent.backoff import Backoff
from fleetsync_agent.errors import StepFailure
from fleetsync_agent.launcher import ProcessLauncher
from tests.fakes import JOB, TempDir, process_alive, starts, wait_for, write_stand_in


class ProcessLauncherTest(unittest.TestCase):
    def setUp(self):
        self.tmp = TempDir()
        self.addCleanup(self.tmp.cleanup)
        self.stand_in = write_stand_in(self.tmp.path)
        self.record = self.tmp.join("record.json")
        self.bundle_dir = self.tmp.join("jobs", "deployment-abc123def456")
        os.makedirs(self.bundle_dir)
        self.env = {"PATH": os.environ["PATH"], "STAND_IN_RECORD": self.record,
                    "FLEETSYNC_SECRET_ACCESS_KEY": "robot-secret", "FLEETSYNC_ACCESS_KEY_ID": "AKID"}

    def launcher(self, template=None, grace=5.0, **env):
        launcher = ProcessLauncher(template or self.stand_in + " {packageName} {launchFile}", grace,
                                   base_env=dict(self.env, **env), backoff=Backoff(0.0, 0.0))
        self.addCleanup(launcher.stop)
        return launcher

    def release(self, **changes):
        release = {"deploymentJob": JOB, "application": "arn:app", "applicationVersion": "7",
                   "bundleDir": self.bundle_dir, "packageName": "picker", "launchFile": "picker.launch.py",
                   "environmentVariables": {"MODE": "prod", "ROS_DOMAIN_ID": "3"}}
        release.update(changes)
        return release

    def recorded(self):
        wait_for(lambda: starts(self.record))
        return starts(self.record)[0]

    def test_the_launch_command_runs_in_the_bundle_with_the_deployments_environment_and_no_secret(self):
        launcher = self.launcher()
        launcher.start(self.release(), 0)
        seen = self.recorded()
        self.assertEqual(["picker", "picker.launch.py"], seen["argv"])
        self.assertEqual(os.path.realpath(self.bundle_dir), os.path.realpath(seen["cwd"]))
        self.assertEqual("prod", seen["env"]["MODE"])
        self.assertEqual("3", seen["env"]["ROS_DOMAIN_ID"])
        self.assertEqual(JOB, seen["env"]["FLEETSYNC_DEPLOYMENT_JOB"])
        self.assertEqual("7", seen["env"]["FLEETSYNC_APPLICATION_VERSION"])
        self.assertEqual(self.bundle_dir, seen["env"]["FLEETSYNC_BUNDLE_DIR"])
        self.assertNotIn("FLEETSYNC_SECRET_ACCESS_KEY", seen["env"])
        self.assertNotIn("FLEETSYNC_ACCESS_KEY_ID", seen["env"])
        self.assertEqual(JOB, launcher.running()["deploymentJob"])

    def test_a_configured_template_is_split_before_it_is_filled_in(self):
        launcher = self.launcher(self.stand_in + " launch {packageName} '{launchFile}' use_sim_time:=false")
        launcher.start(self.release(launchFile="odd name.launch"), 0)
        self.assertEqual(["launch", "picker", "odd name.launch", "use_sim_time:=false"], self.recorded()["argv"])

    def test_stop_ends_the_application(self):
        launcher = self.launcher()
        launcher.start(self.release(), 0)
        pid = launcher._process.pid
        self.recorded()
        launcher.stop()
        self.assertFalse(process_alive(pid))
        self.assertIsNone(launcher.running())

    def test_an_application_that_ignores_sigterm_is_killed_after_the_grace_period(self):
        launcher = self.launcher(grace=0.2, STAND_IN_IGNORE_TERM="1")
        launcher.start(self.release(), 0)
        pid = launcher._process.pid
        self.recorded()
        launcher.stop()
        self.assertFalse(process_alive(pid))

    def test_an_application_that_exits_at_once_fails_the_launch(self):
        launcher = self.launcher(STAND_IN_EXIT="4")
        with self.assertRaises(StepFailure) as caught:
            launcher.start(self.release(), 5)
        self.assertEqual("EnvironmentSetupError", caught.exception.code)
        self.assertIn("exited with status 4", caught.exception.reason)
        self.assertIsNone(launcher.running())

    def test_a_launch_command_that_does_not_exist_is_an_environment_setup_error(self):
        with self.assertRaises(StepFailure) as caught:
            self.launcher("no-such-ros2 launch {packageName} {launchFile}").start(self.release(), 0)
        self.assertEqual("EnvironmentSetupError", caught.exception.code)
        self.assertIn("no-such-ros2", caught.exception.reason)

    def test_a_launch_command_that_may_not_be_run_is_a_bad_permission_error(self):
        os.chmod(self.stand_in, 0o644)
        with self.assertRaises(StepFailure) as caught:
            self.launcher().start(self.release(), 0)
        self.assertEqual("BadPermissionError", caught.exception.code)

    def test_an_application_that_crashes_later_is_restarted(self):
        launcher = self.launcher(STAND_IN_EXIT="1")
        launcher.start(self.release(), 0)  # no start-up check: it would fail the launch
        wait_for(lambda: len(starts(self.record)) >= 3)
        launcher.stop()
        self.assertGreaterEqual(launcher.starts, 3)


if __name__ == "__main__":
    unittest.main()
