"""The use cases are the application's core: the API and the dashboard are edges over them, and
neither the use cases nor the dashboard's access to them reach into the API package."""
import subprocess
import sys


def test_use_cases_and_dashboard_services_load_without_the_api_package():
    code = ("import sys, checker.usecases.posting, checker.usecases.facts, checker.usecases.fetch, "
            "checker.dashboard.app_services, "
            "checker.dashboard.seeding; "
            "print(sorted(m for m in sys.modules if m == 'checker.api' or m.startswith('checker.api.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_use_case_refusal_is_the_problem_the_api_answers():
    from checker.api.problems import Problem as Answered
    from checker.usecases.problems import Problem

    assert Answered is Problem
