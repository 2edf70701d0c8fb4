"""What PledgeWatch does, written once for the command line and the window: import articles and
search them for follow-ups, poll feeds, check reminders, and record the analyst's verdicts."""
