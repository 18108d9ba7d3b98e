"""The desk's rhythm: working hours and bank holidays, the response clock, scheduled checks and
the end-of-day handover (claimed once), the on-call rota, and the digests they send."""
