"""Analysts' and data-quality dashboard (Streamlit + plotly) and the marts it reads (sql/marts)."""
