"""Passwords are hashed with Argon2 in production; tests keep a fast hasher so that the suite stays quick."""
import os
import subprocess
import sys

from django.contrib.auth.hashers import Argon2PasswordHasher


def production_setting(name: str, tmp_path) -> str:
    """Read a setting as production would see it: a fresh interpreter without the test flag."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOURNEY_") and k != "DATABASE_URL"}
    env.update({"JOURNEY_SECRET_KEY": "x" * 50, "JOURNEY_AUDIT_KEY": "k" * 40, "JOURNEY_DATA_DIR": str(tmp_path)})
    code = f"import journey.settings as s; print(s.{name})"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.strip()


def test_production_hashes_new_passwords_with_argon2_and_still_reads_pbkdf2(tmp_path):
    hashers = production_setting("PASSWORD_HASHERS", tmp_path)
    assert hashers.startswith("['django.contrib.auth.hashers.Argon2PasswordHasher'")
    assert "PBKDF2PasswordHasher" in hashers and "MD5" not in hashers


def test_the_argon2_hasher_is_installed_and_works():
    hasher = Argon2PasswordHasher()
    encoded = hasher.encode("a long enough passphrase", hasher.salt())
    assert encoded.startswith("argon2$argon2id$")
    assert hasher.verify("a long enough passphrase", encoded)


def test_production_turns_on_hsts_and_secure_prefixed_cookies(tmp_path):
    assert int(production_setting("SECURE_HSTS_SECONDS", tmp_path)) >= 365 * 24 * 60 * 60
    assert production_setting("SESSION_COOKIE_SECURE", tmp_path) == "True"
    assert production_setting("SESSION_COOKIE_NAME", tmp_path) == "__Host-sessionid"
    assert production_setting("CSRF_COOKIE_NAME", tmp_path) == "__Host-csrftoken"
