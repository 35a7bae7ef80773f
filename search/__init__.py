"""One search over jobs, guides and roles: the query syntax, the engine and the /search/ page."""
