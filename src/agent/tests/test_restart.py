"""The agent stopped (or the robot rebooted) mid-deployment: the next start finishes what it held, from disk."""

import os
import unittest
from unittest import mock

from fleetsync_agent import bundle
from fleetsync_agent.errors import Stopping
from tests.deploy_harness import POST, PRE, PREVIOUS, DeployerTestCase
from tests.fakes import JOB, FakeLauncher


class RestartTest(DeployerTestCase):
    def stop_at(self, step, when=lambda report: True):
        def answer(report):
            if report["step"] == step and when(report):
                raise Stopping()
            return report["result"] == "InProgress"

        self.protocol.answer = answer

    def restart(self):
        """What survives a restart is the disk: the application died with the agent."""
        self.protocol.answer = lambda report: report["result"] == "InProgress"
        self.protocol.reports.clear()
        self.launcher = FakeLauncher()
        return self.deployer()

    def test_a_deployment_stopped_before_its_pre_launch_resumes_there_without_downloading_again(self):
        job = self.bundle(preLaunchFile="scripts/pre.sh", postLaunchFile="scripts/post.sh")
        self.stop_at("ExecutingPreLaunch")
        with self.assertRaises(Stopping):
            self.deployer().handle(job)
        gets = list(self.objects.gets)
        self.restart().recover()
        self.assertEqual(["ExecutingPreLaunch", "Launching", "ExecutingPostLaunch", "Finished"],
                         self.protocol.steps())
        self.assertEqual("Succeeded", self.final()["result"])
        self.assertEqual(gets, self.objects.gets)
        # The previous version came back first (current.json), then the new one replaced it.
        self.assertEqual([("start", PREVIOUS["deploymentJob"]), ("stop", PREVIOUS["deploymentJob"]),
                          ("start", JOB)], self.launcher.events)

    def test_a_deployment_stopped_after_launching_relaunches_the_new_version_and_runs_the_post_launch(self):
        job = self.bundle(postLaunchFile="scripts/post.sh")
        self.stop_at("ExecutingPostLaunch")
        with self.assertRaises(Stopping):
            self.deployer().handle(job)
        self.restart().recover()
        self.assertEqual(["ExecutingPostLaunch", "Finished"], self.protocol.steps())
        self.assertEqual([("start", JOB)], self.launcher.events)
        self.assertTrue(os.path.exists(os.path.join(self.job_dir(), "post.out")))

    def test_a_download_cut_short_by_a_restart_resumes_with_a_range(self):
        job = self.bundle({"blob": (os.urandom(100 << 10).hex(), 0o644), "scripts/pre.sh": PRE})
        self.stop_at("DownloadingExtracting", when=lambda report: report["percentDone"] > 10)
        with mock.patch.object(bundle, "CHUNK", 16 << 10):
            with self.assertRaises(Stopping):
                self.deployer().handle(job)
            part = os.path.join(self.config.bundle_dir, "downloads", "deployment-abc123def456.bundle.part")
            have = os.path.getsize(part)
            self.restart().recover()
        self.assertGreater(have, 0)
        self.assertEqual(("my-bundles", "picker/x86.tar.gz", have), self.objects.gets[-1])
        self.assertEqual("Succeeded", self.final()["result"])

    def test_an_outcome_whose_report_was_not_answered_is_reported_again_not_redeployed(self):
        job = self.bundle()
        self.stop_at("Finished")
        with self.assertRaises(Stopping):
            self.deployer().handle(job)
        gets = list(self.objects.gets)
        self.restart().recover()
        self.assertEqual([{"deploymentJob": JOB, "step": "Finished", "percentDone": 100,
                           "estimatedTimeRemainingSeconds": 0, "result": "Succeeded"}], self.protocol.reports)
        self.assertEqual(gets, self.objects.gets)
        self.assertEqual([("start", JOB)], self.launcher.events)  # only current.json's relaunch

    def test_a_job_in_progress_handed_again_is_resumed(self):
        job = self.bundle(postLaunchFile="scripts/post.sh")
        self.stop_at("Launching")
        with self.assertRaises(Stopping):
            self.deployer().handle(job)
        self.restart().handle(job)
        self.assertEqual(["Launching", "ExecutingPostLaunch", "Finished"], self.protocol.steps())

    def test_a_finished_job_handed_again_is_not_deployed_again_its_outcome_is_repeated(self):
        job = self.bundle()
        deployer = self.deployer()
        deployer.handle(job)
        first = self.final()
        events, gets = list(self.launcher.events), list(self.objects.gets)
        self.protocol.reports.clear()
        self.assertFalse(deployer.handle(job))  # nothing deployed: the agent backs off before polling again
        self.assertEqual([first], self.protocol.reports)
        self.assertEqual((events, gets), (self.launcher.events, self.objects.gets))

    def test_a_failed_job_handed_again_repeats_its_failure(self):
        job = self.bundle({"pre.sh": ("#!/bin/sh\nexit 9\n", 0o755)}, preLaunchFile="pre.sh")
        self.deployer().handle(job)
        first = self.final()
        self.protocol.reports.clear()
        self.restart().handle(job)
        self.assertEqual([first], self.protocol.reports)
        self.assertEqual("PreLaunchFileFailure", first["failureCode"])


if __name__ == "__main__":
    unittest.main()
