"""The domain core, by feature: moderation, rhythm, safeguarding, policy (the classifier),
reporting and delivery, over a shared vocabulary (models, errors, audit, the organisation's profile).
Knows nothing of chat or HTTP."""
