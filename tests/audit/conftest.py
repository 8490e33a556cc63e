"""Shared by the audit tests: a folder of anchors of the test's own."""
import pytest


@pytest.fixture
def anchor_dir(settings, tmp_path):
    """Anchors go to this test's own folder (settings.JOURNEY_AUDIT_ANCHOR_DIR)."""
    settings.JOURNEY_AUDIT_ANCHOR_DIR = tmp_path / "anchors"
    return settings.JOURNEY_AUDIT_ANCHOR_DIR
