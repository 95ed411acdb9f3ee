"""The PDF engine, set up once per process so that the same bytes read the same on every machine."""
