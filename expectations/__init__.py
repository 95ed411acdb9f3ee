"""The great-expectations suites, shipped inside the package as `pipelines.expectations` (setup.py);
read them through pipelines.resources."""
