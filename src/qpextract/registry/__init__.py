"""The person registry: the officials of every article linked into persons.

``mentions`` turns stored officials into comparable profiles, ``link`` blocks and
clusters them (plain Python, the one statement of the rules), ``store`` runs it on
a database (SQLite, PostgreSQL) and ``spark`` on a Spark DataFrame with the same
functions. See the README's archive section for how it is measured.
"""

from qpextract.registry.link import link_block, link_mentions
from qpextract.registry.mentions import MentionRecord, Profile, profile

__all__ = ["MentionRecord", "Profile", "link_block", "link_mentions", "profile"]
