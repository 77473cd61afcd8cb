"""Excerpts: chapters posted into a channel as crash-proof jobs, or read privately (no Discord here).

``store`` holds the SQL for post jobs; ``service`` the use cases; ``model`` the shapes they pass
around and the ``Poster`` the Discord side implements; ``answers`` what the admin reads;
``render`` the chapter's messages, computed in a worker process. The cog in ``cogs/excerpts``
turns them into slash commands and buttons.
"""
