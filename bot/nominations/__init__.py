"""Picking the club's next read: nominations per server, a native poll of them, the winner announced.

``store`` is plain SQL, ``tally`` the pure counting, ``service`` the use cases; none of them
imports Discord (the cog hands the service a poster that talks to Discord).
"""
