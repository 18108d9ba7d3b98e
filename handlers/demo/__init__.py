"""`modbot demo`: the whole desk, locally, in a browser; also the practice desk for new moderators."""
