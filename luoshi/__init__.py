"""luoshi (落实): turn Chinese government work reports into a ledger of promises."""

__version__ = "0.1.0"
