import unittest

from fleetsync_agent.backoff import Backoff
from fleetsync_agent.client import Protocol, ReportRejected, ServiceClient, ServiceError, TransportError
from tests.fakes import ACCESS_KEY, JOB, ROBOT, SECRET, FakeService

REPORT = {"deploymentJob": JOB, "step": "Validating", "percentDone": 0, "result": "InProgress"}


class ClientTest(unittest.TestCase):
    def setUp(self):
        self.service = FakeService()
        self.addCleanup(self.service.close)
        self.sleeps = []
        client = ServiceClient(self.service.url, "us-west-2", ACCESS_KEY, SECRET, timeout=5)
        self.protocol = Protocol(client, ROBOT, Backoff(1.0, 8.0, rng=lambda: 1.0), self.sleeps.append)

    def test_a_poll_is_signed_for_robomaker_and_carries_the_robot_and_the_wait(self):
        self.service.polls.append({"deploymentJob": JOB})
        self.assertEqual({"deploymentJob": JOB}, self.protocol.poll(0))
        self.assertEqual([], self.service.bad_signatures)
        self.assertEqual([("/agent/v1/poll", {"robot": ROBOT, "waitSeconds": 0})], self.service.requests)

    def test_a_wrong_secret_is_refused_by_the_signature_check(self):
        client = ServiceClient(self.service.url, "us-west-2", ACCESS_KEY, "not-the-secret", timeout=5)
        with self.assertRaises(ServiceError) as caught:
            client.call("/agent/v1/poll", {"robot": ROBOT, "waitSeconds": 0})
        self.assertEqual((403, "InvalidSignatureException"), (caught.exception.status, caught.exception.error_type))
        self.assertEqual(["signature does not match"], self.service.bad_signatures)

    def test_an_aws_error_names_its_type_and_message(self):
        self.service.polls.append((503, "ServiceUnavailableException", "shutting down"))
        with self.assertRaises(ServiceError) as caught:
            self.protocol.poll(0)
        self.assertEqual((503, "ServiceUnavailableException", "shutting down"),
                         (caught.exception.status, caught.exception.error_type, caught.exception.message))

    def test_an_unreachable_service_is_a_transport_error(self):
        client = ServiceClient("http://127.0.0.1:9", "us-west-2", ACCESS_KEY, SECRET, timeout=2)
        with self.assertRaises(TransportError):
            client.call("/agent/v1/poll", {})

    def test_a_report_answered_with_errors_is_sent_again_after_growing_delays(self):
        self.service.report_answers += [(500, "InternalFailure", "db"), (429, "ThrottlingException", "slow"),
                                        {"continue": True}]
        self.assertTrue(self.protocol.report(REPORT))
        self.assertEqual([1.0, 2.0], self.sleeps)
        self.assertEqual([dict(REPORT, robot=ROBOT)] * 3, self.service.reports())

    def test_continue_false_is_passed_on(self):
        self.service.report_answers.append({"continue": False})
        self.assertFalse(self.protocol.report(REPORT))

    def test_a_report_that_does_not_fit_is_not_sent_again(self):
        self.service.report_answers.append((400, "InvalidParameterException", "Robot has not been handed job"))
        with self.assertRaises(ReportRejected):
            self.protocol.report(REPORT)
        self.assertEqual(1, len(self.service.reports()))
        self.assertEqual([], self.sleeps)


if __name__ == "__main__":
    unittest.main()
