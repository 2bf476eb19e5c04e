"""The reviewer's desk: the use cases the API, the dashboard and the command line share, so each
of them stays a thin edge: deciding a finding (decisions), who may write (accounts), articles
grouped into stories (stories) and what leaves the desk (exports)."""
