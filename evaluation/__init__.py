"""Scores a newsbeam output folder against gold files (`python -m evaluation --output DIR --gold tests/gold`)."""
