"""Settings for the test suite: the normal settings, with the test flag set before they are read."""
import os

os.environ["JOURNEY_TESTING"] = "true"

from journey.settings import *  # noqa: E402,F401,F403
