"""Content warnings: the taxonomy, rules as data, one matcher per server, the scan, and the club's corrections.

Modules, from the bottom up: ``taxonomy`` (categories), ``model`` (Rule, Ruleset, ...),
``phrases`` (the phrase language), ``patterns`` (admin patterns with a bounded cost), ``rules``
(rules files), ``matcher`` (one RE2 set per ruleset), ``engine`` (the scan, two tiers),
``declared`` (what authors declare), ``store`` (SQL), ``service`` (a server's rules, scans and
headers) and ``reviews`` (possible warnings and members' reports). Nothing here knows about Discord.
"""
