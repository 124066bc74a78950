"""Where mistune and CommonMark (and so GitHub) disagree, and how CommonMark reads a line.

The Document is mistune's reading. The fixer's loss audit, the entry model and the rules
that must not change what GitHub shows ask here how CommonMark reads the same lines. The
modules, bottom up (none is imported here: each is loaded by what needs it):

``lines``    a line as CommonMark sees it: blank or not, visual columns (tab stops of
             4), block quote depth;
``items``    list items mistune reads and CommonMark does not, or reads otherwise: an
             item empty on its marker line, one that cannot interrupt a paragraph, a
             marker glued to its text (``-[Name](url)``), where an item's text starts;
``lazy``     lazy continuation lines, and whether a heading made from a paragraph line
             leaves the lines after it in place; YAML front matter;
``reparse``  the re-parse checks a fix that rewrites a list must pass (it reads as drawn,
             it only adds the items it means to).
"""
