"""SPARQL access: the query guard, the embedded engine, result formats, the endpoint and publishing."""
