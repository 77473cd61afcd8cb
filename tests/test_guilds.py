from bot.guilds import DEFAULT_PROMPTS, get_settings, mark_joined, mark_left, purge_departed, update_settings


async def test_settings_default_then_update(db) -> None:
    settings = await get_settings(db, 10)
    assert settings.timezone == "UTC"
    assert settings.discussion_prompts == list(DEFAULT_PROMPTS)
    updated = await update_settings(db, 10, 0.0, club_channel_id=5, timezone="Europe/Berlin")
    assert updated.club_channel_id == 5
    assert updated.timezone == "Europe/Berlin"
    cleared = await update_settings(db, 10, 0.0, club_channel_id=None)
    assert cleared.club_channel_id is None
    assert cleared.timezone == "Europe/Berlin"


async def test_settings_are_per_server(db) -> None:
    await update_settings(db, 1, 0.0, club_role_id=99, discussion_prompts=["Who was right?"])
    other = await get_settings(db, 2)
    assert other.club_role_id is None
    assert other.discussion_prompts == list(DEFAULT_PROMPTS)
    assert (await get_settings(db, 1)).discussion_prompts == ["Who was right?"]


async def test_departed_servers_are_purged_after_retention(db) -> None:
    await update_settings(db, 1, 0.0, timezone="Asia/Tokyo")
    await update_settings(db, 2, 0.0, timezone="Asia/Tokyo")
    await mark_left(db, 1, now=100.0)
    await mark_left(db, 2, now=100.0)
    await mark_joined(db, 2, now=150.0)  # re-invited in time: nothing is lost
    assert await purge_departed(db, now=150.0, retention_seconds=100.0) == []
    assert await purge_departed(db, now=200.0, retention_seconds=100.0) == [1]
    assert (await get_settings(db, 1)).timezone == "UTC"
    assert (await get_settings(db, 2)).timezone == "Asia/Tokyo"


async def test_next_purge_is_the_earliest_departure_plus_retention(db) -> None:
    from bot.guilds import next_purge_at

    assert await next_purge_at(db, 50.0) is None
    await update_settings(db, 1, 0.0, timezone="UTC")
    await update_settings(db, 2, 0.0, timezone="UTC")
    await mark_left(db, 2, now=300.0)
    await mark_left(db, 1, now=200.0)
    assert await next_purge_at(db, 50.0) == 250.0
