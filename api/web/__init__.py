"""The web pages: server-rendered HTML twins of the JSON API, for people who do not use curl."""
