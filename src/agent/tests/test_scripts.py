import os
import unittest

from fleetsync_agent.errors import StepFailure
from fleetsync_agent.scripts import ScriptRunner
from tests.fakes import read, TempDir


class ScriptRunnerTest(unittest.TestCase):
    def setUp(self):
        self.tmp = TempDir()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, body, mode=0o755):
        path = self.tmp.join(name)
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + body + "\n")
        os.chmod(path, mode)
        return path

    def run_script(self, path, timeout=10):
        ScriptRunner().run(path, self.tmp.path, {"PATH": os.environ["PATH"], "MODE": "prod"}, timeout,
                           "PreLaunchFileFailure", "the pre-launch file")

    def test_a_script_runs_in_the_bundle_with_the_environment_given(self):
        self.run_script(self.write("pre.sh", 'echo "$MODE $(pwd)" > out.txt'))
        self.assertEqual("prod %s\n" % os.path.realpath(self.tmp.path), read(self.tmp.join("out.txt")))

    def test_a_non_zero_exit_fails_with_the_steps_code_and_the_end_of_its_output(self):
        with self.assertRaises(StepFailure) as caught:
            self.run_script(self.write("pre.sh", "echo 'camera not found' >&2; exit 3"))
        self.assertEqual("PreLaunchFileFailure", caught.exception.code)
        self.assertIn("pre.sh exited with status 3", caught.exception.reason)
        self.assertIn("camera not found", caught.exception.reason)

    def test_a_script_that_is_not_executable_is_a_bad_permission_error(self):
        with self.assertRaises(StepFailure) as caught:
            self.run_script(self.write("pre.sh", "true", mode=0o644))
        self.assertEqual("BadPermissionError", caught.exception.code)
        self.assertIn("chmod +x", caught.exception.reason)

    def test_a_missing_script_fails_with_the_steps_code(self):
        with self.assertRaises(StepFailure) as caught:
            self.run_script(self.tmp.join("nope.sh"))
        self.assertEqual("PreLaunchFileFailure", caught.exception.code)
        self.assertIn("does not exist", caught.exception.reason)

    def test_a_script_that_overruns_its_time_limit_is_killed_with_its_children(self):
        path = self.write("pre.sh", "echo started; sleep 30 & wait")
        with self.assertRaises(StepFailure) as caught:
            self.run_script(path, timeout=0.3)
        self.assertIn("did not finish within 0.3 s", caught.exception.reason)
        self.assertIn("started", caught.exception.reason)


if __name__ == "__main__":
    unittest.main()
