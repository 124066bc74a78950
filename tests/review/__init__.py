"""awesomelint review (awesomelint/review/): suggestions, plans, posting to a fake GitHub."""
