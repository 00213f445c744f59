"""The services the gateway calls, one client each (crm_gateway.clients.<service>)."""
