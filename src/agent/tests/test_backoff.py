import unittest

from fleetsync_agent.backoff import Backoff


class BackoffTest(unittest.TestCase):
    def test_the_ceiling_doubles_each_attempt_up_to_the_cap(self):
        backoff = Backoff(1.0, 30.0, rng=lambda: 1.0)
        self.assertEqual([1, 2, 4, 8, 16, 30, 30], [backoff.next_delay() for _ in range(7)])

    def test_each_delay_is_a_random_share_of_the_ceiling(self):
        draws = iter([0.5, 0.25, 0.0, 0.999])
        backoff = Backoff(2.0, 100.0, rng=lambda: next(draws))
        self.assertEqual([1.0, 1.0, 0.0, 0.999 * 16], [backoff.next_delay() for _ in range(4)])

    def test_it_stays_bounded_after_very_many_attempts(self):
        backoff = Backoff(1.0, 60.0, rng=lambda: 1.0)
        delays = [backoff.next_delay() for _ in range(200)]
        self.assertEqual(60.0, max(delays))

    def test_reset_starts_over_from_the_base(self):
        backoff = Backoff(1.0, 60.0, rng=lambda: 1.0)
        for _ in range(5):
            backoff.next_delay()
        backoff.reset()
        self.assertEqual(1.0, backoff.next_delay())


if __name__ == "__main__":
    unittest.main()
