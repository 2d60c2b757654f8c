"""The whole agent: the fake service over signed HTTP, a real tar.gz bundle, real scripts and a real launch
command (a stand-in that records its argv, cwd and environment)."""

import json
import os
import unittest

from fleetsync_agent.agent import Agent
from fleetsync_agent.backoff import Backoff
from fleetsync_agent.client import Protocol, ServiceClient
from fleetsync_agent.config import load
from fleetsync_agent.deployer import Deployer
from fleetsync_agent.launcher import ProcessLauncher
from fleetsync_agent.scripts import ScriptRunner
from fleetsync_agent.state import StateStore
from tests.fakes import (ACCESS_KEY, JOB, ROBOT, SECRET, FakeObjectStore, FakeService, TempDir, assignment,
                         launch_config, script, starts, tar_bytes, wait_for, write_stand_in)

JOB2 = JOB.replace("abc123def456", "fff000111222")


def distinct(steps):
    return [step for i, step in enumerate(steps) if i == 0 or steps[i - 1] != step]


class EndToEndTest(unittest.TestCase):
    def setUp(self):
        self.tmp = TempDir()
        self.addCleanup(self.tmp.cleanup)
        self.service = FakeService()
        self.addCleanup(self.service.close)
        self.record = self.tmp.join("record.json")
        stand_in = write_stand_in(self.tmp.path)
        self.config = load(None, env={
            "FLEETSYNC_ENDPOINT": self.service.url, "FLEETSYNC_ROBOT_ARN": ROBOT,
            "FLEETSYNC_ACCESS_KEY_ID": ACCESS_KEY, "FLEETSYNC_SECRET_ACCESS_KEY": SECRET,
            "FLEETSYNC_BUNDLE_DIR": self.tmp.join("bundles"), "FLEETSYNC_ARCHITECTURE": "X86_64",
            "FLEETSYNC_LAUNCH_COMMAND": stand_in + " launch {packageName} {launchFile}",
            "FLEETSYNC_LAUNCH_CHECK_SECONDS": "0", "FLEETSYNC_MIN_FREE_DISK_MB": "0"})
        self.objects = FakeObjectStore()
        self.sleeps = []
        env = {"PATH": os.environ["PATH"], "STAND_IN_RECORD": self.record,
               "FLEETSYNC_SECRET_ACCESS_KEY": SECRET}  # as systemd would pass it: it must not reach the app
        self.launcher = ProcessLauncher(self.config.launch_command, 5.0, base_env=env, backoff=Backoff(0, 0))
        self.addCleanup(self.launcher.stop)
        client = ServiceClient(self.config.endpoint, self.config.region, ACCESS_KEY, SECRET, timeout=5)
        protocol = Protocol(client, ROBOT, Backoff(0, 0), self.sleeps.append)
        deployer = Deployer(self.config, StateStore(self.config.state_dir), self.objects, ScriptRunner(),
                            self.launcher, protocol, env=env)
        self.agent = Agent(protocol, deployer, Backoff(1, 8), self.sleeps.append, wait_seconds=0)

    def publish(self, job, key, pre="true", post="true"):
        data = tar_bytes({"scripts/pre.sh": script(pre), "scripts/post.sh": script(post),
                          "install/picker/share/picker.launch.py": ("launch", 0o644)})
        self.objects.put("my-bundles", key, data)
        value = assignment(job=job, data=data, launchConfig=launch_config(preLaunchFile="scripts/pre.sh",
                                                                          postLaunchFile="scripts/post.sh"))
        value["source"]["s3Key"] = key
        return value

    def launched(self, count=1):
        """The jobs' applications started so far, once `count` have started."""
        wait_for(lambda: len(starts(self.record)) >= count)
        return starts(self.record)

    def test_a_deployment_from_poll_to_finished(self):
        self.service.polls += [{}, self.publish(JOB, "v1.tar.gz")]
        self.assertEqual(["empty", "work"], [self.agent.poll_once(), self.agent.poll_once()])
        reports = self.service.reports()
        self.assertEqual([], self.service.bad_signatures)
        self.assertEqual(["Validating", "DownloadingExtracting", "ExecutingPreLaunch", "Launching",
                          "ExecutingPostLaunch", "Finished"], distinct([r["step"] for r in reports]))
        self.assertEqual({"robot": ROBOT, "deploymentJob": JOB, "step": "Finished", "percentDone": 100,
                          "estimatedTimeRemainingSeconds": 0, "result": "Succeeded"}, reports[-1])
        seen, = self.launched()
        job_dir = os.path.join(self.config.bundle_dir, "jobs", "deployment-abc123def456")
        self.assertEqual(["launch", "picker", "picker.launch.py"], seen["argv"])
        self.assertEqual(os.path.realpath(job_dir), os.path.realpath(seen["cwd"]))
        self.assertEqual(("prod", JOB, "1", job_dir), (seen["env"]["MODE"], seen["env"]["FLEETSYNC_DEPLOYMENT_JOB"],
                         seen["env"]["FLEETSYNC_APPLICATION_VERSION"], seen["env"]["FLEETSYNC_BUNDLE_DIR"]))
        self.assertNotIn(SECRET, json.dumps(seen))

    def test_a_canceled_second_version_gives_way_to_the_first_again(self):
        self.service.polls += [self.publish(JOB, "v1.tar.gz")]
        self.agent.poll_once()
        self.launched(1)
        self.service.polls += [self.publish(JOB2, "v2.tar.gz")]

        def cancel_once_v2_is_up(report):  # the job is canceled while v2 runs
            self.launched(2)
            return {"continue": False}

        self.service.report_answers += [{"continue": True}] * 5 + [cancel_once_v2_is_up]
        self.agent.poll_once()
        jobs = [seen["env"]["FLEETSYNC_DEPLOYMENT_JOB"] for seen in self.launched(3)]
        self.assertEqual([JOB, JOB2, JOB], jobs)  # v1, v2, then v1 again
        self.assertEqual(JOB, self.launcher.running()["deploymentJob"])
        last = self.service.reports()[-1]
        self.assertEqual((JOB2, "ExecutingPostLaunch", "InProgress"), (last["deploymentJob"], last["step"],
                                                                        last["result"]))

if __name__ == "__main__":
    unittest.main()
