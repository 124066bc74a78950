"""Links: URL normalisation and the network link checker.

Offline (the rules import these):

- ``urls``: what a Markdown destination stands for, one key per target;
- ``titles``: a title for a link, from its page's ``<title>`` or from its URL;
- ``status``: ``LinkStatus``, what the checker found for one URL, as the rules read it;
- ``github``: which links are GitHub repositories, what the REST API's answer means;
- ``options``, ``cache``: the ``[links]`` table, the on-disk cache of good links.

The network check (imported by ``--links`` and ``--fetch-titles`` only: it pulls in
httpx): ``checker`` runs one check over many links (what to skip, the cache, scheduling,
the "network is down" conclusion) with ``limits`` (requests in flight per host and in
all), ``fetch`` (one link over HTTP: redirects, HEAD/GET, retries), ``verdict`` (what an
answer or an error means), ``github_api`` (the REST API client) and ``net`` (name
resolution, vetted connections).
"""
