"""The use cases the API's routes call, under the names they import (checker.usecases holds
them; the routes may import from there directly)."""
from __future__ import annotations

from checker.usecases.facts import FACT_ID_PATTERN, fact_id, facts_of_key, get_fact, list_facts, parse_fact_id  # noqa: F401
from checker.usecases import posting
from checker.usecases.posting import (PostResult, Submission, check_articles,  # noqa: F401
                                      report_of_view, submission_from_fields, with_appearances)


def post_article(sessions, submission: Submission, rules, fetch_settings, neighbours_per_side=None) -> PostResult:
    """checker.usecases.posting.post_article; `neighbours_per_side` (ServiceState.neighbours,
    CHECKER_COMPARE_NEIGHBOURS) is ignored: the store's fact values replaced the neighbour cap."""
    return posting.post_article(sessions, submission, rules, fetch_settings)
