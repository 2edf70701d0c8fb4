"""Lets `python -m app` run the command-line interface."""

from app.cli import main

raise SystemExit(main())
