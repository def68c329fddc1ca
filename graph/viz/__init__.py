"""Interactive HTML graphs (pyvis + vis-network) that work offline from a file, in English and French."""
