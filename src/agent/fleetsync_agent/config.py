"""One configuration file (INI section [agent], or a JSON object) with FLEETSYNC_* environment overrides."""

import configparser
import json
import os
import platform

DEFAULT_LAUNCH_COMMAND = "ros2 launch {packageName} {launchFile}"

# key: (type, default). None as default for a required key is checked in validate().
FIELDS = {
    "endpoint": (str, None),  # fleetsync's base URL, e.g. https://fleetsync.example.com
    "region": (str, "us-west-2"),  # the region requests are signed for
    "robot_arn": (str, None),
    "access_key_id": (str, None),  # the robot's own credential
    "secret_access_key": (str, None),
    "bundle_dir": (str, "/var/lib/fleetsync-agent"),  # downloads/, jobs/<job-id>/, state/ live here
    "state_dir": (str, ""),  # defaults to <bundle_dir>/state
    "launch_command": (str, DEFAULT_LAUNCH_COMMAND),
    "architecture": (str, ""),  # X86_64, ARM64 or ARMHF; detected from the machine when empty
    "s3_endpoint": (str, ""),  # empty: AWS S3; else any S3-compatible endpoint (MinIO, Ceph, ...)
    "s3_region": (str, ""),  # defaults to region
    "s3_access_key_id": (str, ""),  # empty: botocore's default chain (env, ~/.aws, instance role)
    "s3_secret_access_key": (str, ""),
    "ca_bundle": (str, ""),  # a CA certificate file for fleetsync and the S3 endpoint; empty: the system's
    "poll_wait_seconds": (int, 20),
    "request_timeout_seconds": (float, 30.0),  # added to the poll's wait
    "backoff_base_seconds": (float, 1.0),
    "backoff_max_seconds": (float, 60.0),
    "empty_poll_pause_seconds": (float, 1.0),
    "script_timeout_seconds": (float, 600.0),
    "launch_check_seconds": (float, 5.0),  # the application must stay up this long to count as launched
    "stop_grace_seconds": (float, 10.0),  # SIGTERM, then SIGKILL after this long
    "min_free_disk_mb": (int, 100),
    "log_level": (str, "INFO"),
}
SECRETS = ("secret_access_key", "s3_secret_access_key")
ENV_PREFIX = "FLEETSYNC_"

ARCHITECTURES = {"x86_64": "X86_64", "amd64": "X86_64", "aarch64": "ARM64", "arm64": "ARM64", "armv7l": "ARMHF",
                 "armv7": "ARMHF", "armhf": "ARMHF"}


class ConfigError(Exception):
    pass


class Config:
    def __init__(self, values):
        for key, (kind, default) in FIELDS.items():
            setattr(self, key, values.get(key, default))
        if not self.state_dir:
            self.state_dir = os.path.join(self.bundle_dir, "state")
        if not self.s3_region:
            self.s3_region = self.region
        if not self.architecture:
            self.architecture = ARCHITECTURES.get(platform.machine().lower(), "")

    def __repr__(self):
        shown = ("%s=%r" % (k, "***" if k in SECRETS and getattr(self, k) else getattr(self, k)) for k in FIELDS)
        return "Config(%s)" % ", ".join(shown)


def load(path=None, env=None):
    """Reads `path` (if given), then applies FLEETSYNC_<KEY> from `env` (default os.environ) over it."""
    env = os.environ if env is None else env
    raw = _read_file(path) if path else {}
    for key in FIELDS:
        name = ENV_PREFIX + key.upper()
        if name in env:
            raw[key] = env[name]
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise ConfigError("unknown configuration key(s): %s" % ", ".join(unknown))
    values = {key: _convert(key, value) for key, value in raw.items()}
    config = Config(values)
    validate(config)
    return config


def validate(config):
    missing = [k for k, (kind, default) in FIELDS.items() if default is None and not getattr(config, k)]
    if missing:
        raise ConfigError("missing configuration: %s (in the file, or as %s)" % (
            ", ".join(missing), ", ".join(ENV_PREFIX + k.upper() for k in missing)))
    if bool(config.s3_access_key_id) != bool(config.s3_secret_access_key):
        raise ConfigError("s3_access_key_id and s3_secret_access_key go together")
    if not 0 <= config.poll_wait_seconds <= 20:
        raise ConfigError("poll_wait_seconds must be 0..20, not %d" % config.poll_wait_seconds)
    if config.ca_bundle and not os.path.isfile(config.ca_bundle):
        raise ConfigError("ca_bundle %s is not a file" % config.ca_bundle)
    try:
        config.launch_command.format(packageName="p", launchFile="l", bundleDir="b")
    except (KeyError, IndexError, ValueError) as e:
        raise ConfigError("launch_command may use {packageName}, {launchFile} and {bundleDir}; %s" % e)


def _read_file(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.lstrip().startswith("{"):
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ConfigError("%s: expected a JSON object" % path)
        return {k: v for k, v in data.items()}
    parser = configparser.ConfigParser(interpolation=None)  # launch commands contain braces and percent signs
    parser.read_string(text, source=path)
    if not parser.has_section("agent"):
        raise ConfigError("%s: expected an [agent] section" % path)
    return dict(parser.items("agent"))


def _convert(key, value):
    kind = FIELDS[key][0]
    try:
        return kind(value) if not isinstance(value, kind) else value
    except (TypeError, ValueError):
        raise ConfigError("%s: expected %s, got %r" % (key, kind.__name__, value))
