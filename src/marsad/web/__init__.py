"""HTTP API and map dashboard. `marsad.web.api.create_app(db_path, token=None)` builds the app."""
