"""Versions recorded with every parsed document (lineage)."""

PARSER_VERSION = "0.3.0"
