"""Import existing Word and PDF agreements into data (a room reserved in the layout; nothing
lives here yet): it will build on the audit's readers and extractors."""
