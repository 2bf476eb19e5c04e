"""The use cases the API's routes call, under the names they import (checker.usecases holds
them; the routes may import from there directly)."""
from __future__ import annotations

from checker.usecases.facts import FACT_ID_PATTERN, fact_id, facts_of_key, get_fact, list_facts, parse_fact_id  # noqa: F401
from checker.usecases.posting import (PostResult, Submission, check_articles, post_article,  # noqa: F401
                                      report_of_view, submission_from_fields, with_appearances)
