"""Benchmark: landing-page form intake through the gateway (LEAD-1), beside a baseline measured
in the same run. Run by hand:  .venv/bin/python bench/intake.py [--requests 3000] [--concurrency 32]

Prints, for the platform and for the baseline (bench/baseline_app.py: one FastAPI process, same
validation, same row, no gRPC, no outbox): peak throughput and p50/p99 latency at a fixed
concurrency, then p50/p99 of the platform at half of its own peak rate, and the ratios.
Targets (issue 2): platform throughput >= 35% of the baseline's; p99 < 150 ms at half peak.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from crmkit.migrations import ensure_database  # noqa: E402

from crmctl import infra as infra_finder  # noqa: E402
from crmctl.infra import free_port  # noqa: E402
from crmctl.platform import Platform, database_url  # noqa: E402

PATH = "/api/v1/web-forms/how-to-spec-out-a-kiosk/submissions"


def payload() -> dict:
    tag = uuid.uuid4().hex[:12]
    return {"first_name": "Linda", "last_name": "Okafor", "company": "Evergreen Grocers Co",
            "email": f"linda.{tag}@evergreen.example", "phone": "404-326-1173", "state": "AL", "country": "US",
            "role": "Marketing", "number_of_locations": 150, "using_kiosks": False, "current_vendor": "Zebra Kiosks",
            "linkedin_url": f"https://www.linkedin.com/in/linda-{tag}", "message": "", "website": ""}


async def closed_loop(url: str, requests: int, concurrency: int) -> tuple[float, list[float]]:
    """`concurrency` clients sending back to back: answers (requests per second, latencies in ms)."""
    latencies: list[float] = []
    queue = iter(range(requests))
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=httpx.Limits(max_connections=concurrency)) as client:
        async def worker():
            for _ in queue:
                t = time.perf_counter()
                r = await client.post(PATH, json=payload())
                latencies.append((time.perf_counter() - t) * 1000)
                if r.status_code != 202:
                    raise RuntimeError(f"{r.status_code}: {r.text}")
        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    return requests / elapsed, latencies


async def open_loop(url: str, rate: float, seconds: float) -> list[float]:
    """Requests started at a fixed rate, whatever the answers' speed: answers latencies in ms."""
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=httpx.Limits(max_connections=256)) as client:
        async def one():
            t = time.perf_counter()
            r = await client.post(PATH, json=payload())
            latencies.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 202, r.text
        tasks, start, n = [], time.perf_counter(), 0
        while (now := time.perf_counter() - start) < seconds:
            due = int(now * rate) + 1
            while n < due:
                tasks.append(asyncio.create_task(one()))
                n += 1
            await asyncio.sleep(0.002)
        await asyncio.gather(*tasks)
    return latencies


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def wait_http(url: str) -> None:
    for _ in range(200):
        try:
            httpx.get(url + "/docs", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} never answered")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--half-peak-seconds", type=float, default=15)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="crm-bench-"))
    found = infra_finder.for_tests(data_dir)
    print(f"infrastructure: {found.describe()}")
    prefix = f"bench_{uuid.uuid4().hex[:6]}"
    platform = Platform(infra=found, data_dir=data_dir, http_port=free_port(), db_prefix=prefix,
                        extra_env={"CRM_GATEWAY_DEMO_PASSWORD": uuid.uuid4().hex,
                                   "CRM_GATEWAY_WEB_FORM_RATE_LIMIT": "100000000",
                                   "CRM_GATEWAY_LOG_LEVEL": "WARNING", "CRM_LEADS_LOG_LEVEL": "WARNING"})
    baseline_dsn = database_url(found.postgres.url, f"{prefix}_baseline")
    asyncio.run(ensure_database(baseline_dsn))
    baseline_port = free_port()
    baseline = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "baseline_app:app", "--port", str(baseline_port), "--log-level", "warning"],
        cwd=Path(__file__).parent, env={**os.environ, "BENCH_BASELINE_DSN": baseline_dsn})
    try:
        platform.start()
        platform.load_demo()
        base_url = f"http://127.0.0.1:{baseline_port}"
        wait_http(base_url)
        asyncio.run(closed_loop(platform.url, 200, 8))  # warm-up: connections, caches, SDR pool
        asyncio.run(closed_loop(base_url, 200, 8))
        rows = []
        for name, url in (("baseline", base_url), ("platform", platform.url)):
            rps, lat = asyncio.run(closed_loop(url, args.requests, args.concurrency))
            rows.append((name, rps, pct(lat, 50), pct(lat, 99)))
        half = rows[1][1] / 2
        lat = asyncio.run(open_loop(platform.url, half, args.half_peak_seconds))
        print(f"\nform intake, {args.requests} requests at concurrency {args.concurrency}")
        print(f"{'':10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
        for name, rps, p50, p99 in rows:
            print(f"{name:10} {rps:8.0f} {p50:8.1f} {p99:8.1f}")
        print(f"\nplatform / baseline throughput: {rows[1][1] / rows[0][1]:.0%}  (target >= 35%)")
        print(f"platform at half its peak ({half:.0f} req/s for {args.half_peak_seconds:.0f}s): "
              f"p50 {pct(lat, 50):.1f} ms, p99 {pct(lat, 99):.1f} ms  (target p99 < 150 ms)")
    finally:
        baseline.terminate()
        baseline.wait()
        platform.stop()
        found.close()


if __name__ == "__main__":
    main()
