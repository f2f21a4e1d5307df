"""Thin Prefect tasks over batches of documents. They exchange paths and counts, never tables."""
