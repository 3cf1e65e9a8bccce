"""The ledger web app: server-rendered pages, each with a JSON twin at ``<path>.json``."""
