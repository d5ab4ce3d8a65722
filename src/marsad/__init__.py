"""marsad (مرصد): Arabic conflict reports to a sourced, geocoded record."""

__version__ = "0.1.0"
