"""Safeguarding reports (`/report-abuse`): the confidential form, its references, the leads'
state machine, what the reporter is told, and the encryption that seals the details at rest."""
