import json
import unittest
from unittest import mock

from fleetsync_agent.config import DEFAULT_LAUNCH_COMMAND, ConfigError, load
from tests.fakes import TempDir

INI = """
[agent]
endpoint = https://fleetsync.example.com
region = eu-central-1
robot_arn = arn:aws:robomaker:eu-central-1:123456789012:robot/r1/1
access_key_id = AKIDFILE
secret_access_key = file-secret
bundle_dir = /srv/bundles
launch_command = bash -c 'source /opt/ros/noetic/setup.bash && roslaunch {packageName} {launchFile}'
s3_endpoint = http://minio.local:9000
poll_wait_seconds = 15
"""


class ConfigTest(unittest.TestCase):
    def setUp(self):
        self.tmp = TempDir()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, text):
        path = self.tmp.join(name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def test_an_ini_file_gives_every_key_and_defaults_fill_the_rest(self):
        config = load(self.write("agent.ini", INI), env={})
        self.assertEqual("https://fleetsync.example.com", config.endpoint)
        self.assertEqual("eu-central-1", config.region)
        self.assertEqual(15, config.poll_wait_seconds)
        self.assertEqual("http://minio.local:9000", config.s3_endpoint)
        self.assertIn("roslaunch {packageName} {launchFile}", config.launch_command)
        self.assertEqual("/srv/bundles/state", config.state_dir)
        self.assertEqual("eu-central-1", config.s3_region)
        self.assertEqual(600.0, config.script_timeout_seconds)

    def test_environment_variables_override_the_file(self):
        env = {"FLEETSYNC_ENDPOINT": "http://10.0.0.5:8080", "FLEETSYNC_SECRET_ACCESS_KEY": "env-secret",
               "FLEETSYNC_POLL_WAIT_SECONDS": "5", "FLEETSYNC_S3_ENDPOINT": "http://ceph:7480",
               "FLEETSYNC_LAUNCH_COMMAND": "ros2 launch {packageName} {launchFile} use_sim:=false"}
        config = load(self.write("agent.ini", INI), env=env)
        self.assertEqual("http://10.0.0.5:8080", config.endpoint)
        self.assertEqual("env-secret", config.secret_access_key)
        self.assertEqual(5, config.poll_wait_seconds)
        self.assertEqual("http://ceph:7480", config.s3_endpoint)
        self.assertEqual("ros2 launch {packageName} {launchFile} use_sim:=false", config.launch_command)
        self.assertEqual("AKIDFILE", config.access_key_id)

    def test_environment_alone_is_enough_and_the_launch_command_defaults_to_ros2_launch(self):
        env = {"FLEETSYNC_ENDPOINT": "http://svc", "FLEETSYNC_ROBOT_ARN": "arn:r", "FLEETSYNC_ACCESS_KEY_ID": "AK",
               "FLEETSYNC_SECRET_ACCESS_KEY": "s", "FLEETSYNC_ARCHITECTURE": "ARM64"}
        config = load(None, env=env)
        self.assertEqual(DEFAULT_LAUNCH_COMMAND, config.launch_command)
        self.assertEqual("ros2 launch {packageName} {launchFile}", DEFAULT_LAUNCH_COMMAND)
        self.assertEqual("ARM64", config.architecture)

    def test_a_json_file_works_too(self):
        path = self.write("agent.json", json.dumps({"endpoint": "http://svc", "robot_arn": "arn:r",
                                                    "access_key_id": "AK", "secret_access_key": "s",
                                                    "stop_grace_seconds": 3}))
        self.assertEqual(3.0, load(path, env={}).stop_grace_seconds)

    def test_missing_keys_are_named_with_their_variables(self):
        with self.assertRaises(ConfigError) as caught:
            load(self.write("agent.ini", "[agent]\nendpoint = http://svc\n"), env={})
        self.assertIn("robot_arn", str(caught.exception))
        self.assertIn("FLEETSYNC_SECRET_ACCESS_KEY", str(caught.exception))

    def test_unknown_keys_and_bad_values_are_refused(self):
        with self.assertRaises(ConfigError):
            load(self.write("a.ini", INI + "endpiont = typo\n"), env={})
        with self.assertRaises(ConfigError):
            load(self.write("b.ini", INI), env={"FLEETSYNC_POLL_WAIT_SECONDS": "soon"})
        with self.assertRaises(ConfigError):
            load(self.write("c.ini", INI), env={"FLEETSYNC_POLL_WAIT_SECONDS": "21"})
        with self.assertRaises(ConfigError):
            load(self.write("d.ini", INI), env={"FLEETSYNC_LAUNCH_COMMAND": "ros2 launch {package}"})
        with self.assertRaises(ConfigError):
            load(self.write("e.ini", INI), env={"FLEETSYNC_CA_BUNDLE": self.tmp.join("no-such-ca.pem")})

    def test_secrets_never_show_in_its_repr(self):
        config = load(self.write("agent.ini", INI), env={"FLEETSYNC_S3_ACCESS_KEY_ID": "AKS3",
                                                           "FLEETSYNC_S3_SECRET_ACCESS_KEY": "s3-secret"})
        shown = repr(config)
        self.assertNotIn("file-secret", shown)
        self.assertNotIn("s3-secret", shown)
        self.assertIn("AKIDFILE", shown)


    def test_the_shipped_example_config_loads_and_builds_an_agent(self):
        import os
        import threading

        from fleetsync_agent.__main__ import build
        from fleetsync_agent.launcher import launch_argv

        example = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "agent.example.ini")
        config = load(example, env={"FLEETSYNC_BUNDLE_DIR": self.tmp.join("bundles")})
        argv = launch_argv(config.launch_command, {"packageName": "picker", "launchFile": "picker.launch.py",
                                                   "bundleDir": "/b"})
        self.assertEqual(["bash", "-c", "picker", "picker.launch.py"], [argv[0], argv[1], argv[3], argv[4]])
        agent, launcher = build(config, threading.Event())
        self.assertIsNone(launcher.running())

    def test_main_refuses_a_bad_configuration_with_status_2(self):
        from fleetsync_agent.__main__ import main

        with mock.patch.dict("os.environ", {}, clear=True), mock.patch("sys.stderr"):
            self.assertEqual(2, main(["--config", self.write("bad.ini", "[agent]\n")]))


    def test_every_key_is_in_the_reference(self):
        import os

        from fleetsync_agent.config import FIELDS

        reference = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "docs", "agent.md")
        if not os.path.exists(reference):
            self.skipTest("docs/agent.md is not here (the agent was copied on its own)")
        with open(reference) as f:
            text = f.read()
        self.assertEqual([], [key for key in FIELDS if "| `%s` |" % key not in text])


if __name__ == "__main__":
    unittest.main()
