"""One validated settings object, read from the environment at start-up. Secrets are SecretStr."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import platformdirs
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def _split(value: object) -> object:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.replace(";", ",").split(",") if part.strip())
    return value


def default_database_url() -> str:
    """SQLite in the user's data folder (Linux: ~/.local/share/modbot/modbot.db)."""
    return f"sqlite:///{platformdirs.user_data_path('modbot', appauthor=False) / 'modbot.db'}"


class Settings(BaseSettings):
    """Every setting modbot reads. docs/settings.md lists them; `modbot check` reports what is missing."""

    model_config = SettingsConfigDict(env_prefix="", case_sensitive=False, extra="ignore")

    modbot_env: Literal["development", "production"] = Field("development", alias="MODBOT_ENV")
    modbot_host: str = Field("127.0.0.1", alias="MODBOT_HOST")
    modbot_port: int = Field(3000, alias="MODBOT_PORT", ge=0, le=65535)
    # One place for every command, whatever folder it is run from: a relative file would give
    # `modbot import` run elsewhere a second, empty database without a word.
    database_url: str = Field(default_factory=lambda: default_database_url(), alias="DATABASE_URL")
    # Off where migrations are a deployment step of their own (`modbot migrate`): then a process
    # refuses to start on a schema that is behind instead of migrating it.
    modbot_migrate: bool = Field(True, alias="MODBOT_MIGRATE")
    modbot_policy: Path | None = Field(None, alias="MODBOT_POLICY")
    # Extra learned heads (`modbot train --out DIR`); a head here replaces the shipped one.
    modbot_models: Path | None = Field(None, alias="MODBOT_MODELS")
    # Off turns the learned stage off and leaves the rules alone (for comparison or incident).
    modbot_learned: bool = Field(True, alias="MODBOT_LEARNED")
    log_level: str = Field("INFO", alias="MODBOT_LOG_LEVEL")
    # Read by every command before settings are (bot.cli.main); here so `check` validates it.
    log_format: Literal["text", "json"] = Field("text", alias="MODBOT_LOG_FORMAT")
    # Prometheus metrics at /metrics: counts and timings only, no content (bot/metrics.py).
    metrics_enabled: bool = Field(True, alias="MODBOT_METRICS")
    max_body_bytes: int = Field(2 * 1024 * 1024, alias="MODBOT_MAX_BODY_BYTES", ge=1024)

    slack_bot_token: SecretStr | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(None, alias="SLACK_SIGNING_SECRET")
    # An app-level token (xapp-…) turns on Socket Mode: the bot connects out to Slack, so no
    # public URL is needed (and no signing secret: Slack does not sign Socket Mode envelopes).
    slack_app_token: SecretStr | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field("https://slack.com/api/", alias="SLACK_API_URL")
    slack_moderation_channel: str | None = Field(None, alias="SLACK_MODERATION_CHANNEL")
    slack_moderators: Annotated[tuple[str, ...], NoDecode] = Field((), alias="SLACK_MODERATORS")
    slack_safeguarding_channel: str | None = Field(None, alias="SLACK_SAFEGUARDING_CHANNEL")
    slack_safeguarding_leads: Annotated[tuple[str, ...], NoDecode] = Field(
        (), alias="SLACK_SAFEGUARDING_LEADS"
    )
    modbot_data_key: SecretStr | None = Field(None, alias="MODBOT_DATA_KEY")
    slack_post_interval: float = Field(1.0, alias="SLACK_POST_INTERVAL", ge=0)
    # Seconds the card poster waits for Slack: long, since a post answered late still reached
    # the channel, and giving up early is what makes a retry look for it.
    slack_timeout: int = Field(30, alias="SLACK_TIMEOUT", ge=1)

    meta_app_secret: SecretStr | None = Field(None, alias="META_APP_SECRET")
    meta_verify_token: SecretStr | None = Field(None, alias="META_VERIFY_TOKEN")
    meta_page_access_token: SecretStr | None = Field(None, alias="META_PAGE_ACCESS_TOKEN")
    meta_graph_url: str = Field("https://graph.facebook.com/v25.0/", alias="META_GRAPH_URL")
    # Meta ids for the reconciliation poll (what webhooks missed: Meta has no replay).
    meta_page_id: str | None = Field(None, alias="META_PAGE_ID")
    meta_instagram_account_id: str | None = Field(None, alias="META_INSTAGRAM_ACCOUNT_ID")

    x_consumer_secret: SecretStr | None = Field(None, alias="X_CONSUMER_SECRET")
    # A user-context OAuth 2.0 token of our account (hide replies, mute, direct messages).
    x_access_token: SecretStr | None = Field(None, alias="X_ACCESS_TOKEN")
    x_user_id: str | None = Field(None, alias="X_USER_ID")
    x_api_url: str = Field("https://api.x.com/", alias="X_API_URL")
    # Poll mentions instead of (or as well as) the webhook, for accounts without webhook access.
    x_poll_mentions: bool = Field(False, alias="X_POLL_MENTIONS")

    linkedin_client_secret: SecretStr | None = Field(None, alias="LINKEDIN_CLIENT_SECRET")
    linkedin_access_token: SecretStr | None = Field(None, alias="LINKEDIN_ACCESS_TOKEN")
    linkedin_api_url: str = Field("https://api.linkedin.com/rest/", alias="LINKEDIN_API_URL")
    linkedin_version: str = Field("202510", alias="LINKEDIN_VERSION")
    # The page (urn:li:organization:<id>) whose latest posts the fallback poll reads.
    linkedin_organization: str | None = Field(None, alias="LINKEDIN_ORGANIZATION")
    linkedin_poll: bool = Field(False, alias="LINKEDIN_POLL")

    youtube_access_token: SecretStr | None = Field(None, alias="YOUTUBE_ACCESS_TOKEN")
    youtube_channel_id: str | None = Field(None, alias="YOUTUBE_CHANNEL_ID")
    youtube_api_url: str = Field("https://www.googleapis.com/youtube/v3/", alias="YOUTUBE_API_URL")
    youtube_daily_quota: int = Field(10_000, alias="YOUTUBE_DAILY_QUOTA", ge=1)
    # Units polling leaves for moderators' clicks (50 units each): 1,000 = 20 actions.
    youtube_action_reserve: int = Field(1_000, alias="YOUTUBE_ACTION_RESERVE", ge=0)
    youtube_max_pages: int = Field(5, alias="YOUTUBE_MAX_PAGES", ge=1)

    tiktok_app_secret: SecretStr | None = Field(None, alias="TIKTOK_APP_SECRET")
    tiktok_access_token: SecretStr | None = Field(None, alias="TIKTOK_ACCESS_TOKEN")
    tiktok_business_id: str | None = Field(None, alias="TIKTOK_BUSINESS_ID")
    tiktok_api_url: str = Field("https://business-api.tiktok.com/open_api/v1.3/", alias="TIKTOK_API_URL")

    # Microsoft Teams (Azure Bot registration). With no app id the endpoint runs unauthenticated,
    # the Bot Framework's convention for local testing; production refuses to start it that way.
    teams_app_id: str | None = Field(None, alias="TEAMS_APP_ID")
    teams_app_password: SecretStr | None = Field(None, alias="TEAMS_APP_PASSWORD")
    teams_app_tenant_id: str | None = Field(None, alias="TEAMS_APP_TENANT_ID")
    # New multi-tenant bots cannot be registered since 2025-07-31: single-tenant by default.
    teams_app_type: Literal["SingleTenant", "MultiTenant", "UserAssignedMSI"] = Field(
        "SingleTenant", alias="TEAMS_APP_TYPE"
    )
    teams_moderation_channel: str | None = Field(None, alias="TEAMS_MODERATION_CHANNEL")
    teams_safeguarding_channel: str | None = Field(None, alias="TEAMS_SAFEGUARDING_CHANNEL")
    # Entra (Azure AD) object ids of the people who may decide, and of the safeguarding leads.
    teams_moderators: Annotated[tuple[str, ...], NoDecode] = Field((), alias="TEAMS_MODERATORS")
    teams_safeguarding_leads: Annotated[tuple[str, ...], NoDecode] = Field(
        (), alias="TEAMS_SAFEGUARDING_LEADS"
    )
    # Where the app package says the bot's pages live (valid domains); the public host name.
    teams_valid_domain: str | None = Field(None, alias="TEAMS_VALID_DOMAIN")
    teams_post_interval: float = Field(1.0, alias="TEAMS_POST_INTERVAL", ge=0)
    # Longest wait for a Teams token: the check of a request's (modbot may fetch signing keys)
    # before a 503, and the bot's own from Entra ID before a send is retried.
    teams_auth_timeout: float = Field(10.0, alias="TEAMS_AUTH_TIMEOUT", gt=0)
    # Where the Bot Framework publishes the keys that sign every activity sent to the bot.
    teams_openid_metadata_url: str = Field(
        "https://login.botframework.com/v1/.well-known/openidconfiguration",
        alias="TEAMS_OPENID_METADATA_URL",
    )

    poll_interval: float = Field(300.0, alias="MODBOT_POLL_INTERVAL", gt=0)
    reconcile_posts: int = Field(10, alias="MODBOT_RECONCILE_POSTS", ge=1, le=100)

    ingest_secret: SecretStr | None = Field(None, alias="INGEST_SECRET")

    scheduler_enabled: bool = Field(True, alias="MODBOT_SCHEDULER")
    scheduler_interval: float = Field(60.0, alias="MODBOT_SCHEDULER_INTERVAL", gt=0)
    # /readyz turns 503 when a due outbox task has waited this long for a worker: the workers are
    # stuck or far behind. A task backing off through a platform's outage is not yet due, so an
    # outage alone never takes every process out of a load balancer (and stops intake with it).
    ready_outbox_wait: float = Field(1800.0, alias="MODBOT_READY_OUTBOX_WAIT", gt=0)

    # Seconds a side effect is tried for before the desks are told it did not happen.
    outbox_give_up_after: float = Field(86400.0, alias="OUTBOX_GIVE_UP_AFTER", gt=0)
    outbox_backoff_base: float = Field(2.0, alias="OUTBOX_BACKOFF_BASE", gt=0)
    outbox_backoff_max: float = Field(300.0, alias="OUTBOX_BACKOFF_MAX", gt=0)
    outbox_poll_interval: float = Field(1.0, alias="OUTBOX_POLL_INTERVAL", gt=0)

    @field_validator(
        "slack_moderators",
        "slack_safeguarding_leads",
        "teams_moderators",
        "teams_safeguarding_leads",
        mode="before",
    )
    @classmethod
    def _split_list(cls, value: object) -> object:
        return _split(value)

    @field_validator(
        "slack_api_url",
        "meta_graph_url",
        "x_api_url",
        "linkedin_api_url",
        "youtube_api_url",
        "tiktok_api_url",
    )
    @classmethod
    def _trailing_slash(cls, value: str) -> str:
        return value if value.endswith("/") else value + "/"

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_bot_token and (self.slack_signing_secret or self.slack_app_token))

    @property
    def slack_socket_mode(self) -> bool:
        return bool(self.slack_bot_token and self.slack_app_token)

    @property
    def teams_enabled(self) -> bool:
        """Any Teams setting mounts /api/messages (an app id also turns authentication on)."""
        return bool(self.teams_app_id or self.teams_moderation_channel or self.teams_safeguarding_channel)

    @property
    def teams_authenticated(self) -> bool:
        return bool(self.teams_app_id)

    @property
    def meta_enabled(self) -> bool:
        return bool(self.meta_app_secret)

    @property
    def x_api_enabled(self) -> bool:
        """Hide, mute, DMs and the mention poll need our account's token and its id."""
        return bool(self.x_access_token and self.x_user_id)

    @property
    def youtube_enabled(self) -> bool:
        return bool(self.youtube_access_token and self.youtube_channel_id)

    def problems(self) -> list[str]:
        """What is missing or inconsistent, in words an administrator can act on."""
        found: list[str] = []
        if bool(self.slack_bot_token) != bool(self.slack_signing_secret or self.slack_app_token):
            found.append(
                "Slack needs SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) "
                "or SLACK_APP_TOKEN (Socket Mode)."
            )
        if self.slack_app_token and not self.slack_app_token.get_secret_value().startswith("xapp-"):
            found.append("SLACK_APP_TOKEN is not an app-level token (xapp-…): Socket Mode cannot connect.")
        if self.slack_enabled and not self.slack_moderation_channel:
            found.append("SLACK_MODERATION_CHANNEL is not set: flagged cards have nowhere to go.")
        if self.slack_enabled and not self.slack_moderators:
            found.append("SLACK_MODERATORS is empty: nobody can click Hide, Delete or Leave.")
        if self.meta_app_secret and not self.meta_verify_token:
            found.append("META_VERIFY_TOKEN is not set: Meta cannot complete the webhook handshake.")
        if self.meta_app_secret and not self.meta_page_access_token:
            found.append(
                "META_PAGE_ACCESS_TOKEN is not set: "
                "Hide and Delete on Facebook and Instagram must be done by hand."
            )
        if self.x_access_token and not self.x_user_id:
            found.append("X_USER_ID is not set: X hide, mute and mention polling need our account's id.")
        if bool(self.youtube_access_token) != bool(self.youtube_channel_id):
            found.append("YouTube needs both YOUTUBE_ACCESS_TOKEN and YOUTUBE_CHANNEL_ID.")
        if self.tiktok_app_secret and not self.tiktok_access_token:
            found.append(
                "TIKTOK_ACCESS_TOKEN is not set: TikTok webhooks are accepted but comments cannot be read."
            )
        if self.meta_page_access_token and not (self.meta_page_id or self.meta_instagram_account_id):
            found.append(
                "META_PAGE_ID is not set: comments Meta's webhooks miss are not recovered by reconciliation."
            )
        if self.slack_enabled and not self.slack_safeguarding_channel:
            found.append("SLACK_SAFEGUARDING_CHANNEL is not set: /report-abuse notices have nowhere to go.")
        if self.slack_enabled and not self.slack_safeguarding_leads:
            found.append("SLACK_SAFEGUARDING_LEADS is empty: nobody can open safeguarding reports.")
        if self.teams_enabled and not self.teams_app_id:
            found.append(
                "TEAMS_APP_ID is not set: /api/messages accepts unauthenticated requests "
                "(local testing only)."
            )
        if self.teams_app_id and self.teams_app_type != "MultiTenant" and not self.teams_app_tenant_id:
            found.append(f"TEAMS_APP_TENANT_ID is not set: a {self.teams_app_type} bot needs its tenant id.")
        if self.teams_app_id and self.teams_app_type != "UserAssignedMSI" and not self.teams_app_password:
            found.append("TEAMS_APP_PASSWORD is not set: the bot cannot sign its messages to Teams.")
        if self.teams_enabled and not self.teams_moderation_channel:
            found.append("TEAMS_MODERATION_CHANNEL is not set: flagged cards have nowhere to go in Teams.")
        if self.teams_enabled and not self.teams_moderators:
            found.append("TEAMS_MODERATORS is empty: nobody can click Hide, Delete or Leave in Teams.")
        if self.teams_enabled and not self.teams_safeguarding_channel:
            found.append("TEAMS_SAFEGUARDING_CHANNEL is not set: Teams abuse reports have nowhere to go.")
        if not self.modbot_data_key:
            found.append("MODBOT_DATA_KEY is not set: safeguarding reports use a development key.")
        if self.modbot_env == "production" and self.database_url.startswith("sqlite"):
            found.append("DATABASE_URL is SQLite in production: use PostgreSQL.")
        return found
