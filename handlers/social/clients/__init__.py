"""Ways out to the social platforms: one API client per platform (the `SocialPlatform` port), each
on the shared `JsonApi` transport, for Hide, Delete, replies and the reads that polls make."""
