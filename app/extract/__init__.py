"""The extraction pipeline: load -> clean -> dateline -> pledges -> deadlines.

`Pipeline` and `Extraction` load on first use, so that importing one small stage module (say,
the fetcher) does not compile every stage's patterns: the window starts faster.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.extract.pipeline import Extraction, Pipeline

__all__ = ["Extraction", "Pipeline"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from app.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
