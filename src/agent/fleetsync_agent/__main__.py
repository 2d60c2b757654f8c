"""python3 -m fleetsync_agent --config /etc/fleetsync-agent/agent.ini"""

import argparse
import logging
import signal
import sys
import threading

from . import __version__
from .agent import Agent
from .backoff import Backoff
from .client import Protocol, ServiceClient
from .config import ConfigError, load
from .deployer import Deployer
from .errors import Stopping
from .launcher import ProcessLauncher
from .objectstore import S3ObjectStore
from .scripts import ScriptRunner
from .state import StateStore

log = logging.getLogger("fleetsync_agent")


def build(config, stop_event):
    def backoff():
        return Backoff(config.backoff_base_seconds, config.backoff_max_seconds)

    def stopping():
        return stop_event.is_set()

    client = ServiceClient(config.endpoint, config.region, config.access_key_id, config.secret_access_key,
                           timeout=config.request_timeout_seconds, ca_bundle=config.ca_bundle or None)
    protocol = Protocol(client, config.robot_arn, backoff(), stop_event.wait, stopping)
    objects = S3ObjectStore(config.s3_endpoint, config.s3_region, config.s3_access_key_id or None,
                            config.s3_secret_access_key or None, ca_bundle=config.ca_bundle or None)
    launcher = ProcessLauncher(config.launch_command, config.stop_grace_seconds, backoff=backoff())
    deployer = Deployer(config, StateStore(config.state_dir), objects, ScriptRunner(), launcher, protocol,
                        sleep=stop_event.wait)
    agent = Agent(protocol, deployer, backoff(), stop_event.wait, config.poll_wait_seconds,
                  config.empty_poll_pause_seconds, stopping)
    return agent, launcher


def main(argv=None):
    parser = argparse.ArgumentParser(prog="fleetsync-agent", description="fleetsync robot agent " + __version__)
    parser.add_argument("--config", help="INI ([agent] section) or JSON file; FLEETSYNC_* variables override it")
    args = parser.parse_args(argv)
    try:
        config = load(args.config)
    except (ConfigError, OSError, ValueError) as e:
        print("fleetsync-agent: %s" % e, file=sys.stderr)
        return 2
    # One line per event; journald adds the time.
    logging.basicConfig(level=config.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)
    stop_event = threading.Event()

    def on_signal(signum, frame):
        log.info("signal %d: stopping after the current request", signum)
        stop_event.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    agent, launcher = build(config, stop_event)
    log.info("fleetsync agent %s for %s, polling %s", __version__, config.robot_arn, config.endpoint)
    try:
        agent.run()
    except Stopping:
        pass
    finally:
        launcher.stop()  # systemd stops the application with us; on the next start recover() relaunches it
    log.info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
