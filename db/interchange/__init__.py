"""Data in and out of an archive in other tools' formats (tables for spreadsheets and R/pandas)."""
