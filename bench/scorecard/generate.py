#!/usr/bin/env python3
"""Measurement rows i in [FROM, TO) of one plan, as stored (for COPY into measurement): KPI i % 20, a day
spread over the plan's five years, so every scale covers the whole horizon.
usage: generate.py FROM TO TENANT PLAN HORIZON_START DAYS KPI_ID,CURRENCY_OR_EMPTY ...  > rows.csv"""
import datetime
import sys
import uuid

first, last, tenant, plan, start, days = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], \
    datetime.date.fromisoformat(sys.argv[5]), int(sys.argv[6])
kpis = [k.split(",") for k in sys.argv[7:]]
now = datetime.datetime.now(datetime.timezone.utc).isoformat()
out = sys.stdout
for i in range(first, last):
    kpi_id, currency = kpis[i % len(kpis)]
    day = start + datetime.timedelta(days=(i * 7919) % days)
    value = f"{(i * 104729) % 100000 / 100:.2f}"
    out.write(f"{uuid.uuid4()},{tenant},{plan},{kpi_id},{value},{currency},{day},CRM,,bench,{now},0\n")
