"""Links: URL normalisation and the network link checker.

- ``urls``: what a Markdown destination stands for, one key per target (offline; rules
  import it).
- ``titles``: a title for a link from its page's ``<title>`` or from its URL (offline).
- ``status``: ``LinkStatus``, what the checker found for one URL, as the network rules
  read it (offline).
- ``github``: which links are GitHub repositories, and what the REST API's answer means
  (offline).
- ``options``, ``cache``: the ``[links]`` table and the on-disk cache of good links.
- ``checker`` (imports httpx) and ``net`` (name resolution, vetted connections): the
  network check itself.
"""
