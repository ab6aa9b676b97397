"""Entry points: one module per job (backfill, stream) and the shared options."""
