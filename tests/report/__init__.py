"""Reports (awesomelint/report/): the text output people read and rdjson for reviewdog."""
