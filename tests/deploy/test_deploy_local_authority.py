"""The local authority's DfE number and name are settings: read strictly, a malformed number refused in one line."""
import subprocess
import sys

import pytest

from tests.deploy.test_deploy_settings import journey, production


def read_settings(tmp_path, **settings: str) -> subprocess.CompletedProcess:
    code = "from django.conf import settings as s; print(s.JOURNEY_LA_CODE, s.JOURNEY_LA_NAME, sep='|')"
    env = production(tmp_path, DJANGO_SETTINGS_MODULE="journey.settings", **settings)
    return subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], env=env, capture_output=True, text=True, timeout=120)


def test_without_settings_it_is_the_synthetic_authority(tmp_path):
    assert read_settings(tmp_path).stdout.strip() == "999|Northfield (synthetic)"


def test_the_authoritys_number_and_name_are_read_from_the_environment(tmp_path):
    result = read_settings(tmp_path, JOURNEY_LA_CODE=" 301 ", JOURNEY_LA_NAME="Barking and Dagenham")
    assert result.stdout.strip() == "301|Barking and Dagenham", result.stderr


@pytest.mark.parametrize("code", ["99", "9999", "A99", "99 9", "٣٠١"])
def test_a_malformed_authority_number_is_refused_in_one_line(tmp_path, code):
    result = journey("check", env=production(tmp_path, JOURNEY_LA_CODE=code))

    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"journey: JOURNEY_LA_CODE must be the DfE's three-digit local authority number, like 999, not {code!r}"
