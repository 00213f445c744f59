"""Who may see which account, decided once (SEC-3..5, DESIGN.md section 2; issue 10).

`rule` states the rule (pure); `sql` turns it into SQL over any table of the shape id / territory /
owner_id / parent_id with a shares table; `replica` declares the read model a service keeps of the
accounts service's accounts and shares; `consumer` keeps that read model from crm.accounts.* events.
The accounts service applies the same SQL to its own tables.
"""
