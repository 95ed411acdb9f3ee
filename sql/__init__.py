"""The warehouse SQL (ddl, views, marts, checks), shipped inside the package as `pipelines.sql`
(setup.py); read it through pipelines.resources."""
