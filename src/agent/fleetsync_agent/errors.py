"""The failures a deployment step can end with, named by RoboMaker's DeploymentJobErrorCode."""

# The longest failureReason the service takes, with room to spare.
MAX_REASON = 1000


class StepFailure(Exception):
    """A step failed: `code` is a DeploymentJobErrorCode name, `reason` tells a person what to fix."""

    def __init__(self, code, reason):
        super().__init__("%s: %s" % (code, reason))
        self.code = code
        self.reason = truncate(reason)


class Canceled(Exception):
    """The service answered a report with {"continue": false} while the deployment was in progress."""


class Stopping(Exception):
    """The agent itself is being stopped (SIGTERM); the deployment is left to be resumed on the next start."""


def truncate(text, limit=MAX_REASON):
    text = " ".join(str(text).split())  # one line: reasons end up in a console table
    return text if len(text) <= limit else text[: limit - 3] + "..."
