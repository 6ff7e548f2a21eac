"""The verbs of the domain. Each takes a session and an actor and never commits:
the caller (one request, one CLI command) commits once, so a change and its
audit event succeed or fail together."""
