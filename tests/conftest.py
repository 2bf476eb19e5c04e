import pytest

from checker.rulebook import default_rules


@pytest.fixture(scope="session")
def rules():
    return default_rules()
