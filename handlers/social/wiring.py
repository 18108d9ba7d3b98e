"""The social platforms' clients and polls, built from the settings for what is configured.

The composition root (`bot.main`) calls `connect` once the HTTP session exists; webhooks (the
way in) register their own routes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import aiohttp

from bot.core.models import Platform
from bot.core.moderation.platform_state import QuotaMeter
from bot.ports import SocialPlatform
from bot.settings import Settings
from bot.store.db import Database
from handlers.social.clients.graph import GraphClient
from handlers.social.clients.linkedin import LinkedInClient
from handlers.social.clients.tiktok import TikTokClient
from handlers.social.clients.x import XClient
from handlers.social.clients.youtube import YouTubeClient
from handlers.social.polling import LinkedInPoller, MetaReconciler, Poller, XMentionsPoller, YouTubePoller


def connect(
    settings: Settings,
    *,
    session: aiohttp.ClientSession,
    db: Database,
    now: Callable[[], datetime],
    platforms: dict[Platform, SocialPlatform],
    pollers: list[Poller],
) -> None:
    """The API clients (for Hide, Delete and replies) and the polls, for what is configured."""
    if settings.meta_page_access_token:
        token = settings.meta_page_access_token.get_secret_value()
        secret = settings.meta_app_secret.get_secret_value() if settings.meta_app_secret else None
        for platform in (Platform.FACEBOOK, Platform.INSTAGRAM):
            platforms[platform] = GraphClient(
                platform=platform,
                base_url=settings.meta_graph_url,
                access_token=token,
                app_secret=secret,
                session=session,
            )
    if settings.x_api_enabled:
        assert settings.x_access_token and settings.x_user_id
        x_client = XClient(
            base_url=settings.x_api_url,
            access_token=settings.x_access_token.get_secret_value(),
            user_id=settings.x_user_id,
            session=session,
        )
        platforms[Platform.X] = x_client
        if settings.x_poll_mentions:
            pollers.append(XMentionsPoller(x_client))
    if settings.youtube_enabled:
        assert settings.youtube_access_token and settings.youtube_channel_id
        meter = QuotaMeter(
            db=db,
            key=f"youtube-quota:{settings.youtube_channel_id}",
            limit=settings.youtube_daily_quota,
            reserve=settings.youtube_action_reserve,
            now=now,
        )
        youtube = YouTubeClient(
            base_url=settings.youtube_api_url,
            access_token=settings.youtube_access_token.get_secret_value(),
            channel_id=settings.youtube_channel_id,
            session=session,
            meter=meter,
        )
        platforms[Platform.YOUTUBE] = youtube
        pollers.append(YouTubePoller(youtube, max_pages=settings.youtube_max_pages))
    if settings.tiktok_access_token:
        platforms[Platform.TIKTOK] = TikTokClient(
            base_url=settings.tiktok_api_url,
            access_token=settings.tiktok_access_token.get_secret_value(),
            business_id=settings.tiktok_business_id or "",
            session=session,
        )
    if settings.linkedin_access_token:
        linkedin = LinkedInClient(
            base_url=settings.linkedin_api_url,
            access_token=settings.linkedin_access_token.get_secret_value(),
            version=settings.linkedin_version,
            session=session,
        )
        platforms[Platform.LINKEDIN] = linkedin
        if settings.linkedin_poll and settings.linkedin_organization:
            pollers.append(
                LinkedInPoller(
                    linkedin, organisation=settings.linkedin_organization, posts=settings.reconcile_posts
                )
            )
    for platform, account in (
        (Platform.FACEBOOK, settings.meta_page_id),
        (Platform.INSTAGRAM, settings.meta_instagram_account_id),
    ):
        graph = platforms.get(platform)
        if account and isinstance(graph, GraphClient):
            pollers.append(MetaReconciler(graph, account_id=account, posts=settings.reconcile_posts))
