"""``awesomelint review``: post the findings on a pull request's lines as one GitHub review,
with the safe fixes as suggestions a maintainer commits in one click.

Modules: ``suggest`` (the fixed lines per finding), ``plan`` (comments, markers and the
review body), ``context`` (the pull request from the Actions environment), ``github`` (the
REST client; httpx is imported there only) and ``runner`` (lint, plan, post or fall back).
The command itself is awesomelint/cli/review.py.
"""
