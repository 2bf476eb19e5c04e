"""The application's use cases, one home for the API, the dashboard and the command line (the
edges translate HTTP, forms and arguments into these calls and their answers back):

- posting.py: post an article (ingest, compare with the store, store, report), re-post a known
  text as a new appearance, check articles without storing them;
- facts.py: the store's disputed facts, as the compare stage makes them;
- problems.py: the error a use case raises on purpose (answered as a problem document by the API).

Deciding a finding and building stories are use cases of the reviewer's desk, in checker.desk
(decisions, story_index): pure of HTTP too, called by the same three edges."""
