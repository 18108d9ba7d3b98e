"""LinkedIn organisation page webhooks at /webhooks/linkedin.

GET answers the endpoint validation: `{"challengeCode": c, "challengeResponse": hex HMAC of c}`
keyed with the app's client secret (LinkedIn repeats it; three failures block the endpoint).
POST checks `X-LI-Signature` (hex HMAC-SHA256 of the raw body) and reads
`ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS`: a member's COMMENT on the page's post is an item to
moderate; likes, shares and edits are acknowledged and ignored.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.core.models import IncomingComment, ItemKind, Platform
from bot.services import Services
from handlers.http import BadRequest, problem
from handlers.social.webhooks.delivery import signed_delivery
from handlers.social.webhooks.fields import Parsed, ident, need, obj, text, when
from handlers.social.webhooks.signatures import linkedin_signature, linkedin_signature_matches


def _comment(note: Any, where: str) -> IncomingComment | None:
    note = obj(note, where)
    if note.get("action") != "COMMENT":
        return None
    generated = obj(need(note, "decoratedGeneratedActivity", where), f"{where}.decoratedGeneratedActivity")
    comment = obj(need(generated, "comment", f"{where}.decoratedGeneratedActivity"), f"{where}.comment")
    entity = text(comment, "entity", f"{where}.comment") or ident(note, "generatedActivity", where)
    organisation = text(note, "organizationalEntity", where)
    author = text(comment, "owner", f"{where}.comment")
    post = text(note, "sourcePost", where)
    return IncomingComment(
        platform=Platform.LINKEDIN,
        external_id=entity,
        text=text(comment, "text", f"{where}.comment"),
        kind=ItemKind.COMMENT,
        account_id=organisation,
        post_id=post,
        post_url=f"https://www.linkedin.com/feed/update/{post}/" if post else "",
        author_id=author,
        created_at=when(note.get("lastModifiedAt")),
        from_own_account=bool(organisation) and author == organisation,
    )


def parse_linkedin_delivery(document: Any) -> Parsed:
    body = obj(document, "body")
    kind = body.get("type")
    if kind != "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS":
        if kind is None:
            raise BadRequest("type is missing")
        return Parsed()  # other notification families are not comments
    notes = body.get("notifications")
    if not isinstance(notes, list):
        raise BadRequest("notifications must be a list")
    parsed = Parsed()
    for i, note in enumerate(notes):
        parsed.read(f"notifications[{i}]", _comment, note, f"notifications[{i}]")
    return parsed


def register(app: web.Application, services: Services) -> None:
    settings = services.settings

    def secret() -> str | None:
        return settings.linkedin_client_secret.get_secret_value() if settings.linkedin_client_secret else None

    async def challenge(request: web.Request) -> web.StreamResponse:
        key = secret()
        if key is None:
            return problem(503, "LINKEDIN_CLIENT_SECRET is not configured")
        code = request.query.get("challengeCode", "")
        if not code:
            return problem(400, "challengeCode is missing")
        return web.json_response(
            {"challengeCode": code, "challengeResponse": linkedin_signature(key.encode(), code.encode())}
        )

    async def deliver(request: web.Request) -> web.StreamResponse:
        return await signed_delivery(
            request,
            services,
            secret=secret(),
            header="X-LI-Signature",
            setting="LINKEDIN_CLIENT_SECRET",
            parse=parse_linkedin_delivery,
            source="linkedin_webhook",
            matches=linkedin_signature_matches,
        )

    app.router.add_get("/webhooks/linkedin", challenge)
    app.router.add_post("/webhooks/linkedin", deliver)
