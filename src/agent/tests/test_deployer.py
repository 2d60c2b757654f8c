import os
import unittest
from unittest import mock

from fleetsync_agent import bundle
from fleetsync_agent.client import ReportRejected
from fleetsync_agent.errors import StepFailure
from tests.deploy_harness import PREVIOUS, DeployerTestCase
from tests.fakes import JOB, read, script, tar_bytes


class HappyPathTest(DeployerTestCase):
    def test_every_step_is_reported_in_order_with_growing_percent_and_the_new_version_runs(self):
        self.deployer().handle(self.bundle(preLaunchFile="scripts/pre.sh", postLaunchFile="scripts/post.sh"))
        self.assertEqual(["Validating", "DownloadingExtracting", "ExecutingPreLaunch", "Launching",
                          "ExecutingPostLaunch", "Finished"], self.protocol.steps())
        percents = [r["percentDone"] for r in self.protocol.reports]
        self.assertEqual(sorted(percents), percents)
        self.assertEqual((0, 100), (percents[0], percents[-1]))
        results = [r["result"] for r in self.protocol.reports]
        self.assertEqual((["InProgress"] * (len(results) - 1), "Succeeded"), (results[:-1], results[-1]))
        self.assertEqual("pre prod\n", read(os.path.join(self.job_dir(), "pre.out")))
        self.assertEqual("post prod\n", read(os.path.join(self.job_dir(), "post.out")))
        self.assertEqual([("stop", PREVIOUS["deploymentJob"]), ("start", JOB)], self.launcher.events)
        running = self.launcher.running()
        self.assertEqual((self.job_dir(), {"MODE": "prod"}, "1"),
                         (running["bundleDir"], running["environmentVariables"], running["applicationVersion"]))
        self.assertEqual(running, self.store.current())
        self.assertEqual("Succeeded", self.store.load(JOB)["phase"])

    def test_the_pre_launch_script_runs_while_the_previous_version_still_runs(self):
        seen = []
        self.protocol.answer = lambda r: seen.append((r["step"], self.launcher.running()["deploymentJob"])) or \
            r["result"] == "InProgress"
        self.deployer().handle(self.bundle(preLaunchFile="scripts/pre.sh"))
        self.assertIn(("ExecutingPreLaunch", PREVIOUS["deploymentJob"]), seen)

    def test_the_step_is_on_disk_before_it_is_reported(self):
        on_disk = []
        self.protocol.answer = lambda r: on_disk.append(self.store.load(JOB)["phase"]) or r["result"] == "InProgress"
        self.deployer().handle(self.bundle(preLaunchFile="scripts/pre.sh"))
        self.assertEqual([r["step"] for r in self.protocol.reports][:-1], on_disk[:-1])
        self.assertEqual("Succeeded", on_disk[-1])

    def test_steps_without_a_file_are_left_out(self):
        self.deployer().handle(self.bundle())
        self.assertEqual(["Validating", "DownloadingExtracting", "Launching", "Finished"], self.protocol.steps())

    def test_the_download_condition_runs_before_the_bundle_is_downloaded(self):
        self.objects.put("my-bundles", "check.sh", b"#!/bin/sh\ntest \"$MODE\" = prod\n")
        job = self.bundle()
        job["downloadConditionFile"] = {"bucket": "my-bundles", "key": "check.sh"}
        self.deployer().handle(job)
        self.assertEqual(["Validating", "DownloadingExtracting", "ExecutingDownloadCondition", "Launching",
                          "Finished"], self.protocol.steps())
        self.assertEqual(["picker/x86.tar.gz", "check.sh"], [key for bucket, key, start in self.objects.gets])

    def test_a_large_download_reports_its_progress_with_an_estimate(self):
        files = {"share/blob": (os.urandom(200 << 10).hex(), 0o644)}
        job = self.bundle(files)
        deployer = self.deployer()
        ticks = iter(range(1000, 100000, 10))
        deployer.clock = lambda: float(next(ticks))
        with mock.patch.object(bundle, "CHUNK", 32 << 10):  # many chunks from a small bundle
            deployer.handle(job)
        downloads = [r for r in self.protocol.reports if r["step"] == "DownloadingExtracting"]
        self.assertGreater(len(downloads), 1)
        self.assertTrue(all(r["estimatedTimeRemainingSeconds"] > 0 for r in downloads[1:]))
        self.assertEqual(0, self.final()["estimatedTimeRemainingSeconds"])

    def test_the_downloaded_archive_is_removed_once_extracted(self):
        self.deployer().handle(self.bundle())
        self.assertEqual([], os.listdir(os.path.join(self.config.bundle_dir, "downloads")))


class FailureTest(DeployerTestCase):
    def assert_failed(self, step, code, words):
        report = self.final()
        self.assertEqual(("Failed", step, code), (report["result"], report["step"], report["failureCode"]))
        self.assertIn(words, report["failureReason"])
        self.assertLessEqual(len(report["failureReason"]), 1000)
        self.assertEqual("Failed", self.store.load(JOB)["phase"])

    def assert_previous_kept_running(self):
        self.assertEqual(PREVIOUS, self.launcher.running())
        self.assertEqual(PREVIOUS, self.store.current())
        self.assertEqual([], self.launcher.events)

    def test_an_etag_mismatch_fails_the_download_and_keeps_the_previous_version(self):
        job = self.bundle()
        job["source"]["etag"] = "0123456789abcdef0123456789abcdef"
        self.deployer().handle(job)
        self.assert_failed("DownloadingExtracting", "EtagMismatch", "0123456789abcdef0123456789abcdef")
        self.assert_previous_kept_running()

    def test_an_unsafe_bundle_is_an_extracting_bundle_failure(self):
        self.deployer().handle(self.bundle({"../../escape.sh": script("true")}))
        self.assert_failed("DownloadingExtracting", "ExtractingBundleFailure", "escape.sh")
        self.assertFalse(os.path.exists(self.job_dir()))
        self.assert_previous_kept_running()

    def test_a_failing_pre_launch_file_keeps_the_previous_version_running(self):
        self.deployer().handle(self.bundle({"pre.sh": script("echo 'lidar offline'; exit 2")}, preLaunchFile="pre.sh"))
        self.assert_failed("ExecutingPreLaunch", "PreLaunchFileFailure", "lidar offline")
        self.assert_previous_kept_running()

    def test_a_pre_launch_file_without_execute_permission_is_a_bad_permission_error(self):
        self.deployer().handle(self.bundle({"pre.sh": ("#!/bin/sh\ntrue\n", 0o644)}, preLaunchFile="pre.sh"))
        self.assert_failed("ExecutingPreLaunch", "BadPermissionError", "chmod +x")
        self.assert_previous_kept_running()

    def test_a_failing_post_launch_file_stops_the_new_version_and_relaunches_the_previous(self):
        self.deployer().handle(self.bundle({"post.sh": script("exit 1")}, postLaunchFile="post.sh"))
        self.assert_failed("ExecutingPostLaunch", "PostLaunchFileFailure", "status 1")
        self.assertEqual([("stop", PREVIOUS["deploymentJob"]), ("start", JOB), ("stop", JOB),
                          ("start", PREVIOUS["deploymentJob"])], self.launcher.events)
        self.assertEqual(PREVIOUS, self.launcher.running())
        self.assertEqual(PREVIOUS, self.store.current())

    def test_a_failing_download_condition_runs_nothing_of_the_new_version(self):
        self.objects.put("my-bundles", "check.sh", b"#!/bin/sh\necho 'battery at 12%'\nexit 1\n")
        job = self.bundle()
        job["downloadConditionFile"] = {"bucket": "my-bundles", "key": "check.sh"}
        self.deployer().handle(job)
        self.assert_failed("ExecutingDownloadCondition", "DownloadConditionFailed", "battery at 12%")
        self.assertEqual(["picker/x86.tar.gz", "check.sh"], [key for bucket, key, start in self.objects.gets])
        self.assertNotIn(("start", JOB), self.launcher.events)
        self.assert_previous_kept_running()

    def test_a_launch_that_fails_relaunches_the_previous_version(self):
        self.launcher.fail_next = StepFailure("EnvironmentSetupError", "the launch command ros2 was not found")
        self.deployer().handle(self.bundle())
        self.assert_failed("Launching", "EnvironmentSetupError", "ros2 was not found")
        self.assertEqual(PREVIOUS, self.launcher.running())

    def test_a_bundle_for_another_architecture_is_refused_while_validating(self):
        job = self.bundle()
        job["source"]["architecture"] = "ARM64"
        self.deployer().handle(job)
        self.assert_failed("Validating", "MissingRobotApplicationArchitecture", "ARM64")
        self.assertEqual([], self.objects.gets)

    def test_too_little_free_disk_is_refused_while_validating(self):
        self.free[0] = 1 << 20
        self.deployer().handle(self.bundle())
        self.assert_failed("Validating", "EnvironmentSetupError", "MiB free")

    def test_a_missing_bundle_is_resource_not_found(self):
        job = self.bundle()
        job["source"]["s3Key"] = "picker/gone.tar.gz"
        self.deployer().handle(job)
        self.assert_failed("Validating", "ResourceNotFound", "gone.tar.gz")

    def test_a_newer_protocol_version_or_a_missing_source_is_refused_without_downloading(self):
        job = self.bundle()
        job["protocolVersion"] = 3
        self.deployer().handle(job)
        self.assert_failed("Validating", "EnvironmentSetupError", "protocol version 3")
        del job["source"]
        job["protocolVersion"] = 2
        job["deploymentJob"] = JOB.replace("abc123", "zzz999")
        self.deployer().handle(job)
        self.assertEqual("EnvironmentSetupError", self.final()["failureCode"])
        self.assertEqual([], self.objects.gets)
        self.assert_previous_kept_running()

    def test_an_unexpected_error_still_fails_the_deployment_and_restores(self):
        deployer = self.deployer()
        deployer.disk_free = lambda path: 1 // 0
        deployer.handle(self.bundle())
        self.assert_failed("Validating", "InternalServerError", "ZeroDivisionError")
        self.assert_previous_kept_running()


class CancelTest(DeployerTestCase):
    def cancel_at(self, step):
        self.protocol.answer = lambda r: r["step"] != step and r["result"] == "InProgress"

    def test_cancel_before_launch_keeps_the_previous_version_and_launches_nothing(self):
        self.cancel_at("Launching")
        self.deployer().handle(self.bundle())
        self.assertEqual("Launching", self.protocol.steps()[-1])  # nothing is reported after continue: false
        self.assertEqual([], self.launcher.events)
        self.assertEqual("Canceled", self.store.load(JOB)["phase"])

    def test_cancel_after_launch_stops_the_new_version_and_restores_the_previous(self):
        self.cancel_at("ExecutingPostLaunch")
        self.deployer().handle(self.bundle({"post.sh": script("true")}, postLaunchFile="post.sh"))
        self.assertEqual([("stop", PREVIOUS["deploymentJob"]), ("start", JOB), ("stop", JOB),
                          ("start", PREVIOUS["deploymentJob"])], self.launcher.events)
        self.assertEqual(PREVIOUS, self.store.current())
        self.assertFalse(os.path.exists(os.path.join(self.job_dir(), "post.out")))

    def test_a_canceled_job_handed_again_is_not_deployed_again(self):
        self.cancel_at("Launching")
        job = self.bundle()
        self.deployer().handle(job)
        sent = len(self.protocol.reports)
        self.deployer().handle(job)
        self.assertEqual(sent, len(self.protocol.reports))
        self.assertEqual([], self.launcher.events)


class RefusedReportTest(DeployerTestCase):
    def test_a_refused_report_ends_the_reports_for_that_deployment(self):
        def answer(report):
            if report["step"] == "DownloadingExtracting":
                raise ReportRejected("HTTP 400 InvalidParameterException: Robot is not deploying job")
            return True

        self.protocol.answer = answer
        self.deployer().handle(self.bundle())
        self.assertEqual(["Validating", "DownloadingExtracting"], self.protocol.steps())
        self.assertEqual(PREVIOUS, self.launcher.running())
        self.assertEqual("Canceled", self.store.load(JOB)["phase"])


if __name__ == "__main__":
    unittest.main()
