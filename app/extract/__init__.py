"""The extraction pipeline: load -> clean -> dateline -> pledges -> deadlines."""

from app.extract.pipeline import Extraction, Pipeline

__all__ = ["Extraction", "Pipeline"]
