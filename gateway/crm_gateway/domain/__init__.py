"""Pure identity rules: roles, passwords, tokens, throttling, the manager chain. No I/O."""
