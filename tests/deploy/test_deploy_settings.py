"""How Journey starts outside the tests: production settings pass Django's deployment checks with no warning, and
a missing secret is one line saying what to set, never a traceback. Each runs the ``journey`` command in a fresh
process with only the environment given here."""
import os
import secrets
import subprocess
import sys

import pytest

CLI = [sys.executable, "-c", "import sys; from journey.cli import main; main(sys.argv[1:])"]


def clean_environment(tmp_path, **settings: str) -> dict[str, str]:
    """The process's environment without any Journey or database setting, plus ``settings``."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEY_", "DJANGO_")) and k != "DATABASE_URL"}
    return {**kept, "JOURNEY_DATA_DIR": str(tmp_path), **settings}


def production(tmp_path, **settings: str) -> dict[str, str]:
    return clean_environment(
        tmp_path, JOURNEY_SECRET_KEY=secrets.token_urlsafe(50), JOURNEY_AUDIT_KEY=secrets.token_urlsafe(40),
        JOURNEY_ALLOWED_HOSTS="journey.example.org", **settings,
    )


def journey(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], env=env, capture_output=True, text=True, timeout=120)


def test_production_settings_pass_the_deployment_checks_with_no_warning(tmp_path):
    result = journey("check", "--deploy", "--fail-level", "WARNING", env=production(tmp_path))

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_behind_a_tls_proxy_the_forwarded_header_is_trusted_and_https_still_enforced(tmp_path):
    code = "from django.conf import settings as s; print(s.SECURE_PROXY_SSL_HEADER, s.SECURE_SSL_REDIRECT)"
    env = production(tmp_path, JOURNEY_PROXY_SSL_HEADER="X-Forwarded-Proto", DJANGO_SETTINGS_MODULE="journey.settings")

    result = subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], env=env,
                            capture_output=True, text=True, timeout=120)

    assert result.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https') True", result.stderr


@pytest.mark.parametrize(("setting", "options"), [
    ({}, "True 2"),
    ({"JOURNEY_DB_PREPARED_STATEMENTS": "false"}, "None None"),
])
def test_on_postgresql_queries_are_prepared_unless_a_pooler_forbids_it(tmp_path, setting, options):
    code = (
        "from django.conf import settings as s; o = s.DATABASES['default'].get('OPTIONS', {}); "
        "print(o.get('server_side_binding'), o.get('prepare_threshold'))"
    )
    env = production(tmp_path, DATABASE_URL="postgres://journey@db.example.org/journey", DJANGO_SETTINGS_MODULE="journey.settings", **setting)

    result = subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], env=env,
                            capture_output=True, text=True, timeout=120)

    assert result.stdout.strip() == options, result.stderr


@pytest.mark.parametrize("command", [["check"], ["migrate"], ["break_glass_report"], ["serve"]])
def test_without_a_secret_key_every_command_says_in_one_line_what_to_set(tmp_path, command):
    result = journey(*command, env=clean_environment(tmp_path))

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("journey: JOURNEY_SECRET_KEY is required: set it to a long random secret")


def test_a_malformed_setting_is_one_line_too(tmp_path):
    result = journey("check", env=production(tmp_path, JOURNEY_SSL_REDIRECT="perhaps"))

    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip() == "journey: JOURNEY_SSL_REDIRECT must be true or false, not 'perhaps'"


def test_the_demo_needs_no_secret_key(tmp_path):
    result = journey("check", env=clean_environment(tmp_path, JOURNEY_DEBUG="true"))

    assert result.returncode == 0, result.stderr


def documents_storage(tmp_path, **setting: str) -> subprocess.CompletedProcess:
    code = "from django.conf import settings as s; d = s.STORAGES['documents']; print(d['BACKEND'], sorted(d['OPTIONS'].items()))"
    env = production(tmp_path, DJANGO_SETTINGS_MODULE="journey.settings", **setting)
    return subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], env=env, capture_output=True, text=True, timeout=120)


def test_documents_are_kept_on_this_servers_disk_outside_the_web_root_by_default(tmp_path):
    result = documents_storage(tmp_path)

    assert result.stdout.startswith("django.core.files.storage.FileSystemStorage"), result.stderr
    assert f"('location', '{tmp_path.resolve() / 'documents'}')" in result.stdout and "('base_url', None)" in result.stdout


def test_documents_go_to_private_object_storage_by_setting(tmp_path):
    """django-storages is an extra (with boto3); here a stand-in package of the same name takes whatever it is given."""
    stand_in = tmp_path / "stand-in" / "storages" / "backends"
    stand_in.mkdir(parents=True)
    (stand_in.parent / "__init__.py").write_text("")
    (stand_in / "__init__.py").write_text("")
    (stand_in / "s3.py").write_text(
        "from django.core.files.storage import Storage\n\n\nclass S3Storage(Storage):\n"
        "    def __init__(self, **options):\n        self.options = options\n"
    )
    result = documents_storage(tmp_path, JOURNEY_DOCUMENTS_STORAGE="s3", JOURNEY_DOCUMENTS_S3_BUCKET="council-journey-documents",
                               PYTHONPATH=str(stand_in.parent.parent))

    assert result.stdout.startswith("storages.backends.s3.S3Storage"), result.stderr
    for option in ("('bucket_name', 'council-journey-documents')", "('default_acl', 'private')", "('querystring_auth', True)",
                   "('file_overwrite', False)"):
        assert option in result.stdout


@pytest.mark.parametrize(("setting", "message"), [
    ({"JOURNEY_DOCUMENTS_STORAGE": "s3"}, "JOURNEY_DOCUMENTS_S3_BUCKET is required when JOURNEY_DOCUMENTS_STORAGE=s3"),
    ({"JOURNEY_DOCUMENTS_STORAGE": "ftp"}, "JOURNEY_DOCUMENTS_STORAGE must be filesystem or s3, not 'ftp'"),
    ({"JOURNEY_DOCUMENTS_STORAGE": "s3", "JOURNEY_DOCUMENTS_S3_BUCKET": "docs"},
     "JOURNEY_DOCUMENTS_STORAGE=s3 needs django-storages: install Journey with its s3 extra (pip install 'journey[s3]')"),
])
def test_a_documents_storage_that_cannot_work_is_one_line_saying_why(tmp_path, setting, message):
    result = journey("check", env=production(tmp_path, **setting))

    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"journey: {message}"
