"""Events and claims from one document (pure: Document -> dict in the spec's format)."""
from marsad.extract.pipeline import EXTRACTOR_VERSION, detect, extract_document

__all__ = ["EXTRACTOR_VERSION", "detect", "extract_document"]
