"""Framework-free report builders: the Script Reports gather rows and hand them here."""
