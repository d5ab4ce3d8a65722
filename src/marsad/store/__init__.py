"""SQLite store (spine). See docs/INTERFACES.md for the core tables."""
from marsad.store.db import DEFAULT_DB, Store, default_db_path
from marsad.store.extractions import load_extraction, pending, save_extraction

__all__ = ["DEFAULT_DB", "Store", "default_db_path", "load_extraction", "pending", "save_extraction"]
