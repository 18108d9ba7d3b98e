"""The moderation desk: comments taken in and classified, cases opened and decided, cards' view
models, surges, what each platform allows, poll cursors and quotas, and retention."""
