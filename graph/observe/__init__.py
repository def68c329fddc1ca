"""Observed careers: personnel actions in (CSV, Parquet, Excel), kept in DuckDB; flows, rates and survival out, privacy by default."""
