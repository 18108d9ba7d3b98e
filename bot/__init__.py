"""modbot: the social media moderation desk of an NHS communications team."""
