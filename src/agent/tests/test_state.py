import os
import stat
import unittest

from fleetsync_agent.state import StateStore, job_id, write_json_atomic
from tests.fakes import JOB, TempDir


class StateStoreTest(unittest.TestCase):
    def setUp(self):
        self.tmp = TempDir()
        self.addCleanup(self.tmp.cleanup)
        self.store = StateStore(self.tmp.join("state"))

    def test_a_write_replaces_the_file_whole_and_leaves_no_temporary_file_behind(self):
        path = self.tmp.join("state", "x.json")
        write_json_atomic(path, {"phase": "Validating"})
        write_json_atomic(path, {"phase": "Launching"})
        self.assertEqual(["deployments", "x.json"], sorted(os.listdir(self.tmp.join("state"))))
        self.assertEqual(0o600, stat.S_IMODE(os.stat(path).st_mode))

    def test_unfinished_lists_deployments_in_progress_and_outcomes_not_yet_acknowledged(self):
        base = JOB[:-12]
        self.store.save({"deploymentJob": base + "aaaaaaaaaaaa", "phase": "ExecutingPreLaunch"})
        self.store.save({"deploymentJob": base + "bbbbbbbbbbbb", "phase": "Failed", "acknowledged": False})
        self.store.save({"deploymentJob": base + "cccccccccccc", "phase": "Succeeded", "acknowledged": True})
        self.assertEqual([base + "aaaaaaaaaaaa", base + "bbbbbbbbbbbb"],
                         [d["deploymentJob"] for d in self.store.unfinished()])

    def test_only_the_newest_finished_deployments_are_remembered(self):
        base = JOB[:-12]
        for i, phase in enumerate(["Succeeded", "Failed", "Canceled", "Succeeded", "Launching"]):
            job = base + "%012d" % i
            self.store.save({"deploymentJob": job, "phase": phase, "acknowledged": True})
            path = os.path.join(self.store.deployments_dir, job_id(job) + ".json")
            os.utime(path, (1000 + i, 1000 + i))
        self.store.forget_old(keep=2)
        remembered = sorted(name[-17:-5] for name in os.listdir(self.store.deployments_dir))
        self.assertEqual(["000000000002", "000000000003", "000000000004"], remembered)  # 4 is in progress

    def test_no_current_release_reads_as_none(self):
        self.assertIsNone(self.store.current())
        self.store.set_current({"deploymentJob": JOB})
        self.assertEqual({"deploymentJob": JOB}, self.store.current())
        self.store.set_current(None)
        self.assertIsNone(self.store.current())

    def test_a_job_arn_that_would_escape_the_directory_is_refused(self):
        self.assertEqual("deployment-abc123def456", job_id(JOB))
        for bad in ("arn:x:deployment-job/..", "arn:x:deployment-job/a b", "", "arn:x:deployment-job/"):
            with self.assertRaises(ValueError):
                job_id(bad)


if __name__ == "__main__":
    unittest.main()
