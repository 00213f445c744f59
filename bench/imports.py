"""Benchmark: the reference customer's initial load through the Imports API (issue 4, GEN-12), each
kind beside a PostgreSQL COPY of the same rows in the same run. Run by hand:

    .venv/bin/python bench/imports.py [--scale 1.0] [--kinds erp-customers,...] [--batch-rows N]
                                      [--seed 4] [--keep]

`--scale 0.1` is a quick run (a tenth of every count). Writes the feed files (bench/imports_feeds.py:
300 customers, 8,000 locations, 13,000 kiosks, 18,000 sales orders, 300 finance rows, 2,700 legacy
contacts, 80,000 history emails and notes, 100,000 trade-show badge scans) into a temp folder, starts
the platform on fresh databases with its own NATS, loads the demo users and waits until the accounts
service has its users and territories and the leads service its SDR pool. Then, for each kind in
dependency order:
  - COPY: the file read back with the csv module into tuples of text, and only the COPY timed
    (asyncpg copy_records_to_table) into a plain table of text columns named as the file's header, in
    a scratch database on the same server;
  - import: `POST /api/v1/imports` (multipart kind + file, as admin), then `GET /api/v1/imports/{id}`
    every 0.2 s until completed: time from the upload's first byte to the poll that sees the end;
    rows_read = created + updated + unchanged + skipped + failed is checked;
  - then the owners' outboxes are let drain (events relayed to NATS) before the next kind, timed apart.
A kind the integration service does not accept yet (422 naming `kind`) is reported "not available yet".
Targets (issues 4, 12): every kind at >= 10% of the COPY rate; 100,000 trade-show leads with zero failed rows
in under 20 seconds (scaled with --scale). For diagnosis it also prints the CPU seconds of each platform
process (and of this run's PostgreSQL backends) during each import, and how much of each import's wall
time was spent inside the owning services' RPCs (from their own INFO log lines, "rpc <method> OK", ms).
The bench databases and the data dir (service logs in <dir>/log) are removed at the end unless --keep.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import asyncpg
import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench_platform import running_platform  # noqa: E402
from imports_feeds import COUNTS, ORDER, FeedFile, generate, read_back, scaled  # noqa: E402

from crmctl.platform import SERVICES, Platform, database_url  # noqa: E402

COPY_SHARE, LEADS_SECONDS, LEADS_KIND = 0.10, 20.0, "trade-show-leads"  # issue 12: 100,000 in < 20 s
PROCESSES = ("gateway", "integration", "accounts", "leads")
LEGACY_COPY_SHARE = 0.05
OWNERS = ("accounts", "leads")  # the databases whose outboxes the imports fill
COUNT_NAMES = ("created", "updated", "unchanged", "skipped", "failed")


@dataclasses.dataclass
class Result:
    kind: str
    rows: int
    copy_seconds: float
    job: dict | None = None  # the finished job; None: kind not accepted
    refused: str = ""
    upload_seconds: float = 0.0
    seconds: float = 0.0
    drain_seconds: float | None = None
    cpu: dict[str, float] = dataclasses.field(default_factory=dict)
    owner_rpcs: dict[str, tuple[int, float]] = dataclasses.field(default_factory=dict)  # rpc: (calls, seconds)
    failures: list[dict] = dataclasses.field(default_factory=list)

    @property
    def copy_rate(self) -> float:
        return self.rows / self.copy_seconds

    @property
    def rate(self) -> float:
        return self.job["counts"]["rows_read"] / self.seconds if self.job else 0.0

    @property
    def copy_share(self) -> float:
        """The share of COPY the kind must reach (issue 12: the legacy kinds 5%, the rest 10%)."""
        return LEGACY_COPY_SHARE if self.kind.startswith("legacy-") else COPY_SHARE

    def misses(self) -> list[str]:
        """Why the kind misses its targets ([] when it meets them)."""
        if self.job is None:
            return []
        counts, why = self.job["counts"], []
        if self.job["status"] != "completed":
            why.append(f"job {self.job['status']}: {self.job['error']}")
        if self.rate < self.copy_share * self.copy_rate:
            why.append(f"{self.rate / self.copy_rate:.1%} of COPY")
        if self.kind == LEADS_KIND:
            if self.seconds >= LEADS_SECONDS * self.rows / COUNTS[LEADS_KIND]:
                why.append(f"{self.seconds:.0f} s >= {LEADS_SECONDS * self.rows / COUNTS[LEADS_KIND]:.0f} s")
            if counts["failed"] or counts["created"] != self.rows:
                why.append(f"{counts['failed']} failed, {counts['created']} created of {self.rows}")
        return why


# --- the platform's side ----------------------------------------------------------------------------

async def wait_for_directories(accounts_dsn: str, leads_dsn: str, timeout: float = 90.0) -> None:
    """Users and territories reach the accounts service, and SDRs the leads service, as crm.identity.* events."""
    expected_states = sum(len(r.split(",")[2].split(";")) for r in
                          (Path(__file__).resolve().parents[1] / "gateway/crm_gateway/demo/territories.csv")
                          .read_text().splitlines()[1:] if r.strip())
    accounts, leads = await asyncpg.connect(accounts_dsn), await asyncpg.connect(leads_dsn)
    try:
        deadline = time.monotonic() + timeout
        while True:
            aes = await accounts.fetchval("select count(*) from users where role = 'ae' and active")
            states = await accounts.fetchval("select count(*) from territory_states")
            sdrs = await leads.fetchval("select count(*) from users where role = 'sdr' and active")
            if aes >= 10 and states >= expected_states and sdrs >= 3:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"replicas incomplete after {timeout}s: accounts has {aes} AEs and {states} "
                                   f"states, leads {sdrs} SDRs")
            await asyncio.sleep(0.25)
    finally:
        await accounts.close()
        await leads.close()


async def drain(dsns: dict[str, str], timeout: float) -> float | None:
    """Seconds until no owner's outbox holds an unpublished event; None after `timeout`."""
    start = time.perf_counter()
    conns = [await asyncpg.connect(dsn) for dsn in dsns.values()]
    try:
        while time.perf_counter() - start < timeout:
            if not any([await c.fetchval("select exists (select 1 from outbox where published_at is null)")
                        for c in conns]):
                return time.perf_counter() - start
            await asyncio.sleep(0.25)
        return None
    finally:
        for c in conns:
            await c.close()


class CpuMeter:
    """CPU seconds (user + system) of the platform's processes and of this run's PostgreSQL backends."""

    def __init__(self, platform: Platform, server_url: str, prefix: str) -> None:
        self.procs = {name: psutil.Process(platform.process(name).popen.pid) for name in PROCESSES}
        self.server_url, self.prefix = server_url, prefix

    async def _backends(self) -> dict[int, float]:
        conn = await asyncpg.connect(self.server_url)
        try:
            pids = [r["pid"] for r in await conn.fetch("select pid from pg_stat_activity where datname like $1",
                                                       self.prefix + "\\_%")]
        finally:
            await conn.close()
        times = {}
        for pid in pids:
            with contextlib.suppress(psutil.Error):
                times[pid] = sum(psutil.Process(pid).cpu_times()[:2])
        return times

    async def sample(self) -> dict:
        return {"procs": {n: sum(p.cpu_times()[:2]) for n, p in self.procs.items()}, "pg": await self._backends()}

    @staticmethod
    def since(before: dict, after: dict) -> dict[str, float]:
        out = {n: after["procs"][n] - before["procs"][n] for n in PROCESSES}
        # backends alive at both ends only: a connection opened and closed in between is not seen
        out["postgres"] = sum(t - before["pg"].get(pid, 0.0) for pid, t in after["pg"].items())
        return out


class OwnerLogs:
    """The owners' own account of each RPC they answered (crmkit.grpc.server logs "rpc <method> <status>"
    with its milliseconds at INFO): what of an import's wall time was spent inside the owning service."""

    def __init__(self, platform: Platform) -> None:
        self.paths = [platform.process(name).log_path for name in OWNERS]

    def mark(self) -> list[int]:
        return [p.stat().st_size if p.exists() else 0 for p in self.paths]

    def since(self, marks: list[int]) -> dict[str, tuple[int, float]]:
        out: dict[str, tuple[int, float]] = {}
        for path, mark in zip(self.paths, marks, strict=False):
            with path.open("rb") as f:
                f.seek(mark)
                for line in f:
                    with contextlib.suppress(ValueError):
                        entry = json.loads(line)
                        if "rpc" in entry and "ms" in entry:
                            calls, seconds = out.get(entry["rpc"].rsplit("/", 1)[-1], (0, 0.0))
                            out[entry["rpc"].rsplit("/", 1)[-1]] = (calls + 1, seconds + entry["ms"] / 1000)
        return out


async def login(client: httpx.AsyncClient, password: str) -> dict[str, str]:
    r = await client.post("/api/v1/auth/token", data={"username": "admin", "password": password})
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


async def import_file(client: httpx.AsyncClient, password: str, feed: FeedFile, result: Result, meter: CpuMeter,
                      logs: OwnerLogs, poll: float) -> None:
    """Upload, follow to the end; fills `result` (job, times, CPU, first failures)."""
    headers, data = await login(client, password), feed.path.read_bytes()
    before, marks = await meter.sample(), logs.mark()
    start = time.perf_counter()
    r = await client.post("/api/v1/imports", headers=headers, data={"kind": feed.kind},
                          files={"file": (feed.path.name, data, "text/csv")})
    result.upload_seconds = time.perf_counter() - start
    if r.status_code == 422 and any(e.get("field") == "kind" for e in r.json().get("errors") or []):
        result.refused = r.json().get("detail", "")
        return
    if r.status_code != 202:
        raise RuntimeError(f"upload of {feed.kind}: {r.status_code} {r.text[:500]}")
    job = r.json()
    while job["status"] not in ("completed", "failed"):
        await asyncio.sleep(poll)
        r = await client.get(f"/api/v1/imports/{job['id']}", headers=headers)
        if r.status_code == 401:  # the access token ran out during a long job
            headers = await login(client, password)
            continue
        r.raise_for_status()
        job = r.json()
    result.seconds = time.perf_counter() - start
    result.cpu = CpuMeter.since(before, await meter.sample())
    result.owner_rpcs = logs.since(marks)
    result.job = job
    counts = job["counts"]
    if counts["rows_read"] != sum(counts[n] for n in COUNT_NAMES):
        raise RuntimeError(f"{feed.kind}: counts do not add up: {counts}")
    if counts["failed"]:
        r = await client.get(f"/api/v1/imports/{job['id']}/failures", headers=headers, params={"limit": 3})
        result.failures = r.json().get("items", []) if r.status_code == 200 else []


# --- the baseline -----------------------------------------------------------------------------------

async def copy_rows(dsn: str, feed: FeedFile) -> tuple[int, float]:
    """(rows, seconds of the COPY alone) of the file's rows into a fresh plain table of text columns."""
    header, rows = read_back(feed)
    table = feed.kind.replace("-", "_")
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(f'drop table if exists "{table}"')
        await conn.execute(f'create table "{table}" ({", ".join(f"{chr(34)}{c}{chr(34)} text" for c in header)})')
        start = time.perf_counter()
        await conn.copy_records_to_table(table, records=rows, columns=header)
        seconds = time.perf_counter() - start
        if await conn.fetchval(f'select count(*) from "{table}"') != len(rows):
            raise RuntimeError(f"COPY of {feed.kind} lost rows")
        return len(rows), seconds
    finally:
        await conn.close()


# --- the run ----------------------------------------------------------------------------------------

async def bench(args, platform: Platform, server_url: str, prefix: str, password: str,
                feeds: dict[str, FeedFile]) -> list[Result]:
    dsns = {svc: database_url(server_url, f"{prefix}_{svc}") for svc in SERVICES}
    await wait_for_directories(dsns["accounts"], dsns["leads"])
    scratch = database_url(server_url, f"{prefix}_copybase")
    conn = await asyncpg.connect(server_url)
    await conn.execute(f'create database "{prefix}_copybase"')
    await conn.close()
    meter, logs, results = CpuMeter(platform, server_url, prefix), OwnerLogs(platform), []
    async with httpx.AsyncClient(base_url=platform.url, timeout=httpx.Timeout(60.0, read=900.0)) as client:
        for kind in args.kinds:
            feed = feeds[kind]
            rows, copy_seconds = await copy_rows(scratch, feed)
            result = Result(kind, rows, copy_seconds)
            print(f"{kind}: {rows:,} rows; COPY {copy_seconds:.3f} s; importing ...", flush=True)
            await import_file(client, password, feed, result, meter, logs, args.poll)
            if result.job is not None:
                result.drain_seconds = await drain({s: dsns[s] for s in OWNERS}, args.drain_timeout)
                c = result.job["counts"]
                print(f"  {result.job['status']} in {result.seconds:.1f} s ({result.rate:,.0f} rows/s): "
                      + ", ".join(f"{n} {c[n]:,}" for n in COUNT_NAMES)
                      + (f"; events drained {result.drain_seconds:.1f} s later" if result.drain_seconds is not None
                         else f"; outbox not drained after {args.drain_timeout:.0f} s"), flush=True)
                for f in result.failures:
                    print(f"    row {f['row_number']} {f['field']}: {f['reason'][:160]}")
            else:
                print(f"  not available yet: {result.refused[:200]}", flush=True)
            results.append(result)
    return results


def report(args, results: list[Result], load: tuple[float, float]) -> None:
    print(f"\nimports at scale {args.scale:g} (seed {args.seed}), {os.cpu_count()} CPUs, load average {load[0]:.1f} "
          f"before, {load[1]:.1f} after; import time = upload start to the poll that sees the job completed")
    head = (f"{'kind':22}{'rows':>8}{'created':>9}{'updated':>8}{'unch':>6}{'skip':>6}{'failed':>7}{'upload s':>9}"
            f"{'import s':>9}{'rows/s':>8}{'COPY rows/s':>12}{'import/COPY':>12}{'drain s':>8}  target")
    print(head)
    print("-" * len(head))
    for res in results:
        if res.job is None:
            print(f"{res.kind:22}{res.rows:>8,}{'not available yet':>53}{res.copy_rate:>12,.0f}{'':>12}{'':>8}  n/a")
            continue
        c, why = res.job["counts"], res.misses()
        drained = f"{res.drain_seconds:.1f}" if res.drain_seconds is not None else "n/d"
        print(f"{res.kind:22}{c['rows_read']:>8,}{c['created']:>9,}{c['updated']:>8,}{c['unchanged']:>6,}"
              f"{c['skipped']:>6,}{c['failed']:>7,}{res.upload_seconds:>9.2f}{res.seconds:>9.1f}{res.rate:>8,.0f}"
              f"{res.copy_rate:>12,.0f}{res.rate / res.copy_rate:>12.2%}{drained:>8}  "
              + ("PASS" if not why else "MISS (" + "; ".join(why) + ")"))
    done = [r for r in results if r.job is not None]
    if done:
        measured = (*PROCESSES, "postgres")
        print("\nCPU seconds during each import (user + system; postgres = this run's backends):")
        print(f"{'kind':22}{'wall s':>8}" + "".join(f"{n:>12}" for n in measured))
        for res in done:
            print(f"{res.kind:22}{res.seconds:>8.1f}" + "".join(f"{res.cpu[n]:>12.1f}" for n in measured))
        print("\nwall time inside the owning services (their RPC logs): seconds, share of the import's wall time")
        for res in done:
            inside = sum(s for _, s in res.owner_rpcs.values())
            print(f"{res.kind:22}{inside:>7.1f} s {inside / res.seconds:>5.0%}  " + ", ".join(
                f"{rpc} {n}x {s:.1f} s ({1000 * s / n:.0f} ms each)" for rpc, (n, s) in sorted(res.owner_rpcs.items())))
    leads = next((r for r in results if r.kind == LEADS_KIND), None)
    if leads is not None and leads.job is not None:
        limit = LEADS_SECONDS * leads.rows / COUNTS[LEADS_KIND]
        counts = leads.job["counts"]
        print(f"\ntrade-show leads: {counts['created']:,} created, {counts['failed']:,} failed in {leads.seconds:.1f} s"
              f" (target: {leads.rows:,} with 0 errors in < {limit:.0f} s): "
              + ("PASS" if leads.seconds < limit and not counts["failed"] and counts["created"] == leads.rows
                 else "MISS"))
    met = [r for r in done if not r.misses()]
    print(f"kinds meeting every target: {len(met)} of {len(done)} measured"
          + (f" ({len(results) - len(done)} not available yet)" if len(done) < len(results) else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every count (0.1: a quick run)")
    parser.add_argument("--kinds", default=",".join(ORDER), help="comma-separated subset, run in dependency order")
    parser.add_argument("--batch-rows", type=int, help="CRM_INTEGRATION_IMPORT_BATCH_ROWS (default: the service's)")
    parser.add_argument("--poll", type=float, default=0.2, help="seconds between job polls")
    parser.add_argument("--drain-timeout", type=float, default=900.0, help="most seconds to wait for the outboxes")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the bench databases and data dir")
    args = parser.parse_args()
    wanted = {k.strip() for k in args.kinds.split(",") if k.strip()}
    if wanted - set(ORDER):
        parser.error(f"unknown kinds: {', '.join(sorted(wanted - set(ORDER)))}")
    args.kinds = [k for k in ORDER if k in wanted]
    data_dir = Path(tempfile.mkdtemp(prefix="crm-bench-"))
    t = time.perf_counter()
    (data_dir / "feeds").mkdir()
    feeds = generate(data_dir / "feeds", scale=args.scale, seed=args.seed)
    print(f"feeds: {', '.join(f'{n:,} {k}' for k, n in scaled(args.scale).items())} written to {data_dir / 'feeds'} "
          f"in {time.perf_counter() - t:.1f} s ({sum(f.path.stat().st_size for f in feeds.values()) / 1e6:.1f} MB)")
    env = {"CRM_GATEWAY_LOG_LEVEL": "WARNING"}  # the owners log each RPC with its time at INFO: kept
    if args.batch_rows:
        env["CRM_INTEGRATION_IMPORT_BATCH_ROWS"] = str(args.batch_rows)
    with running_platform(data_dir, extra_env=env, keep=args.keep, scratch_databases=("copybase",)) as run:
        load = os.getloadavg()[0]
        results = asyncio.run(bench(args, run.platform, run.infra.postgres.url, run.prefix, run.password, feeds))
        report(args, results, (load, os.getloadavg()[0]))


if __name__ == "__main__":
    main()
