"""File imports and their failed rows (the Integration service)."""
