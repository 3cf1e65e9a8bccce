"""Security checks that span the web app and a real browser."""
