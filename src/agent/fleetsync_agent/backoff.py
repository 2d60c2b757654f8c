"""Exponential back-off with full jitter (a random delay in [0, min(cap, base * 2^n)]), bounded by `cap`."""

import random


class Backoff:
    def __init__(self, base, cap, rng=random.random):
        self.base = base
        self.cap = cap
        self.rng = rng
        self.attempt = 0

    def next_delay(self):
        # Full jitter spreads a fleet's retries out, so robots that lost the service together do not return together.
        ceiling = min(self.cap, self.base * (2 ** min(self.attempt, 30)))
        self.attempt += 1
        return self.rng() * ceiling

    def reset(self):
        self.attempt = 0
