"""Settings for the test suite: the normal settings, with the test flag set before they are read."""
import os

os.environ["JOURNEY_TESTING"] = "true"

# --- Audit key and anchors (journey.audit) ---------------------------------------------------------------------------
# The key is settings.py's development key (JOURNEY_TESTING allows it) unless JOURNEY_AUDIT_KEY is set. Anchors go to
# a folder of this test process's own, so that anchors of a local demo in ./var never meet a test database; tests
# that take anchors point the setting at their own tmp_path.
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

from journey.settings import *  # noqa: E402,F401,F403

JOURNEY_AUDIT_ANCHOR_DIR = Path(tempfile.gettempdir()) / f"journey-test-audit-anchors-{os.getpid()}"

# --- Documents (journey.documents) -----------------------------------------------------------------------------------
# Attached files go to a folder of this test process's own, never to ./var; tests that look at what was stored point
# the storage at their own tmp_path (tests/documents/conftest.py).
JOURNEY_DOCUMENTS_DIR = Path(tempfile.gettempdir()) / f"journey-test-documents-{os.getpid()}"
STORAGES = {**STORAGES, "documents": {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(JOURNEY_DOCUMENTS_DIR), "base_url": None},
}}
