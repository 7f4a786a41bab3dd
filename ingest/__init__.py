"""The ingestion pipeline, one module per stage in the order data flows:
reference (councils) → sources (what to read) → detect → extract_text → normalise → chunk → embed → load.
"""
