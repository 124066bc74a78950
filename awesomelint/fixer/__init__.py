"""Apply fixes: non-overlapping edits per pass, repeated to a fixpoint, verified lossless.

``edits`` chooses one pass's fixes and applies their edits (text in, text out);
``apply`` is the loop (lint, choose, apply, re-parse, audit, until nothing is left);
``audit`` is the self-check of every pass: the words, URLs, live links and list entries
a fix must keep, what unsafe fixes announce they remove, and the message naming a loss.

(The package is not named ``fix``: importing ``awesomelint.fix`` would replace the
public function :func:`awesomelint.fix` with the module.)"""

from __future__ import annotations

from awesomelint.fixer.apply import MAX_PASSES, FixResult, Linter, fix_document
from awesomelint.fixer.edits import apply_edits, choose

__all__ = ["MAX_PASSES", "FixResult", "Linter", "apply_edits", "choose", "fix_document"]
