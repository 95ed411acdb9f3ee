"""The sample pack specs, shipped inside the package as `pipelines.generator.specs` (setup.py); read
them through pipelines.resources."""
