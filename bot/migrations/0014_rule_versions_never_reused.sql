-- A server's warning-rules version is never one it or another server had before. The cache of
-- each server's ruleset (bot.warnings.service) is keyed by server and version; a server whose
-- data was deleted (30 days after it removed the bot) started again at version 0, so once it
-- invited the bot back and changed its rules, a process still holding its old ruleset at that
-- number would have scanned with the old rules. Versions now come from one counter
-- (bot.warnings.store.bump_version), past every version already given.
INSERT INTO id_high_water (name, last)
SELECT 'warning_rules', coalesce(max(version), 0) FROM warning_rule_versions;
