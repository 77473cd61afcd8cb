"""Reading progress, member privacy and member preferences: storage and rendering, no Discord."""
