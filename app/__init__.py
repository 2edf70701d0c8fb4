"""PledgeWatch: finds pledges in news articles and tracks whether they were kept."""

__version__ = "0.1.0"
