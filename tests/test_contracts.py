"""The generated stubs in protos/python/gen are exactly what protos/ generates (DESIGN.md section 1)."""
from crmctl import protos


def test_generated_stubs_are_fresh():
    stale = protos.stale_files()
    assert stale == [], f"run ./crm protos and commit the result; stale: {stale}"
