"""Career mobility with NetworkX: the mobility graph built from the RDF graph, and one module per analysis."""
