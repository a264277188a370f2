"""Projections: tables, pandas, Arrow, CSV, data packages, exports."""
