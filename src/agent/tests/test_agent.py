"""The poll loop against the fake service over real HTTP."""

import unittest

from fleetsync_agent.agent import Agent
from fleetsync_agent.backoff import Backoff
from fleetsync_agent.client import Protocol, ServiceClient
from tests.fakes import ACCESS_KEY, JOB, ROBOT, SECRET, FakeService


class RecordingDeployer:
    def __init__(self):
        self.handled = []
        self.recovered = 0

    def handle(self, assignment):
        self.handled.append(assignment)
        return assignment.get("new", True)

    def recover(self):
        self.recovered += 1


class AgentLoopTest(unittest.TestCase):
    def setUp(self):
        self.service = FakeService()
        self.addCleanup(self.service.close)
        self.sleeps = []
        self.deployer = RecordingDeployer()

    def agent(self, url=None, rng=lambda: 1.0, cap=8.0):
        client = ServiceClient(url or self.service.url, "us-west-2", ACCESS_KEY, SECRET, timeout=2)
        protocol = Protocol(client, ROBOT, Backoff(1.0, cap), self.sleeps.append)
        return Agent(protocol, self.deployer, Backoff(1.0, cap, rng=rng), self.sleeps.append, wait_seconds=0,
                     empty_pause=1.0)

    def test_an_empty_answer_is_followed_by_a_short_pause_and_another_poll(self):
        self.service.polls += [{}, {"deploymentJob": JOB, "protocolVersion": 2}]
        agent = self.agent()
        self.assertEqual(["empty", "work"], [agent.poll_once(), agent.poll_once()])
        self.assertEqual([1.0], self.sleeps)
        self.assertEqual([{"deploymentJob": JOB, "protocolVersion": 2}], self.deployer.handled)
        self.assertEqual([{"robot": ROBOT, "waitSeconds": 0}] * 2, [body for path, body in self.service.requests])

    def test_errors_back_off_with_growing_jittered_delays_and_success_resets_them(self):
        self.service.polls += [(500, "InternalFailure", "x"), (503, "ServiceUnavailable", "x"),
                               (429, "ThrottlingException", "x"), {}, (500, "InternalFailure", "x")]
        draws = iter([0.5, 0.5, 0.5, 0.5])
        agent = self.agent(rng=lambda: next(draws))
        outcomes = [agent.poll_once() for _ in range(5)]
        self.assertEqual(["error", "error", "error", "empty", "error"], outcomes)
        self.assertEqual([0.5, 1.0, 2.0, 1.0, 0.5], self.sleeps)  # 1.0 is the pause after {}; then back to base

    def test_the_back_off_is_bounded_while_the_service_stays_unreachable(self):
        agent = self.agent(url="http://127.0.0.1:9", cap=4.0)
        for _ in range(6):
            self.assertEqual("error", agent.poll_once())
        self.assertEqual([1.0, 2.0, 4.0, 4.0, 4.0, 4.0], self.sleeps)

    def test_a_service_that_keeps_handing_out_a_finished_job_is_polled_ever_more_slowly(self):
        self.service.polls += [{"deploymentJob": JOB, "new": False}] * 3 + [{"deploymentJob": JOB}]
        agent = self.agent()
        self.assertEqual(["repeat", "repeat", "repeat", "work"], [agent.poll_once() for _ in range(4)])
        self.assertEqual([1.0, 2.0, 4.0], self.sleeps)

    def test_run_recovers_first_then_polls_until_stopped(self):
        self.service.polls += [{"deploymentJob": JOB}]
        agent = self.agent()
        polls = []
        agent.stopping = lambda: len(polls) >= 2
        original = agent.poll_once
        agent.poll_once = lambda: polls.append(original())
        agent.run()
        self.assertEqual((1, ["work", "empty"]), (self.deployer.recovered, polls))


if __name__ == "__main__":
    unittest.main()
