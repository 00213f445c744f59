"""The benchmark's baseline: one FastAPI process that validates the same web-form payload and
inserts the same lead row straight into PostgreSQL (no gateway hop, no gRPC, no outbox, no
assignment). Started by bench/intake.py; not part of the product."""
from __future__ import annotations

import os
import uuid
from contextlib import asynccontextmanager

import asyncpg
from fastapi import FastAPI
from pydantic import BaseModel, EmailStr, Field

DSN = os.environ["BENCH_BASELINE_DSN"]


class Submission(BaseModel):
    first_name: str = Field(max_length=200)
    last_name: str = Field(max_length=200)
    company: str = Field(max_length=300)
    email: EmailStr
    phone: str = ""
    state: str = ""
    country: str = ""
    role: str = ""
    number_of_locations: int | None = Field(None, ge=0)
    using_kiosks: bool | None = None
    current_vendor: str = ""
    linkedin_url: str = ""
    message: str = Field("", max_length=20_000)
    website: str = ""


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.pool = await asyncpg.create_pool(DSN, min_size=5, max_size=20)
    await app.state.pool.execute(
        "create table if not exists leads (id uuid primary key, email_normalized text unique, first_name text, "
        "last_name text, company text, email text, phone text, state text, country text, role text, "
        "number_of_locations int, using_kiosks bool, current_vendor text, linkedin_url text, message text, "
        "source text, landing_page text, status text, created_at timestamptz default now())")
    yield
    await app.state.pool.close()


app = FastAPI(lifespan=lifespan)


@app.post("/api/v1/web-forms/{slug}/submissions", status_code=202)
async def submit(slug: str, body: Submission):
    if body.website:
        return {"status": "accepted"}
    await app.state.pool.execute(
        "insert into leads (id, email_normalized, first_name, last_name, company, email, phone, state, country, role,"
        " number_of_locations, using_kiosks, current_vendor, linkedin_url, message, source, landing_page, status)"
        " values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,'website',$16,'New')"
        " on conflict (email_normalized) do update set phone = excluded.phone",
        uuid.uuid4(), body.email.lower(), body.first_name, body.last_name, body.company, body.email, body.phone,
        body.state, body.country, body.role, body.number_of_locations, body.using_kiosks, body.current_vendor,
        body.linkedin_url, body.message, slug)
    return {"status": "accepted"}
