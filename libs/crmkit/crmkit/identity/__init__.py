"""The identity read model a service keeps of the gateway's users and territories (crm.identity.*).

- `model`: the User and Territory values (pure, for domain code);
- `replica`: the tables to declare on a service's metadata and the version-guarded snapshot store;
- `consumer`: the ready subscription to the gateway's identity events that keeps the replica.
"""
