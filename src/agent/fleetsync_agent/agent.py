"""The agent's loop: long-poll for an assignment, hand it to the deployer, poll again."""

import logging

from .client import ServiceError, TransportError

log = logging.getLogger(__name__)


class Agent:
    def __init__(self, protocol, deployer, backoff, sleep, wait_seconds=20, empty_pause=1.0, stopping=lambda: False):
        self.protocol = protocol
        self.deployer = deployer
        self.backoff = backoff
        self.sleep = sleep
        self.wait_seconds = wait_seconds
        self.empty_pause = empty_pause
        self.stopping = stopping

    def run(self):
        self.deployer.recover()
        while not self.stopping():
            self.poll_once()

    def poll_once(self):
        """One poll and what follows from it: 'work', 'repeat', 'empty' or 'error'."""
        try:
            answer = self.protocol.poll(self.wait_seconds)
        except (ServiceError, TransportError) as e:
            delay = self.backoff.next_delay()
            log.warning("poll failed (%s); polling again in %.1f s", e, delay)
            self.sleep(delay)
            return "error"
        if not answer:
            self.backoff.reset()
            # {} can come early, from an instance that is shutting down: pause so as not to spin against it.
            self.sleep(self.empty_pause)
            return "empty"
        if self.deployer.handle(answer):
            self.backoff.reset()
            return "work"
        # Handed a job it had already finished (or could not use): fine once, but a service that keeps doing it
        # must not get a tight loop of polls and reports.
        delay = self.backoff.next_delay()
        log.info("nothing new in that assignment; polling again in %.1f s", delay)
        self.sleep(delay)
        return "repeat"
