"""Ways in from the social platforms: signed webhooks (Meta, X, LinkedIn, TikTok) and `/ingest`,
each checked at the edge, parsed into `IncomingComment`s and stored through `Services.ingest`."""
