#!/usr/bin/env python3
"""Writes the benchmark's measurement rows twice, the same rows in both:
  upload-NNN.csv  CSV files for the service's bulk endpoint, each under the size limit
  copy.csv        the rows as stored (ids resolved), for PostgreSQL COPY into an equivalent table
usage: generate.py OUT_DIR ROWS PLANS TENANT KPI_KEY KPI_ID MAX_FILE_BYTES  (plan ids on stdin, one a line)"""
import datetime
import sys
import uuid

out, rows, plans_n, tenant, kpi_key, kpi_id, max_bytes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], \
    sys.argv[5], sys.argv[6], int(sys.argv[7])
plans = [line.strip() for line in sys.stdin if line.strip()][:plans_n]
start = datetime.date(2026, 1, 1)
days = 730
header = "planId,kpi,value,currency,occurredOn,externalId\n"
per_plan = rows // len(plans)
now = datetime.datetime.now(datetime.timezone.utc).isoformat()
files = []
upload = None
size = 0
with open(f"{out}/copy.csv", "w") as copy:
    n = 0
    for p, plan in enumerate(plans):
        count = per_plan if p < len(plans) - 1 else rows - per_plan * (len(plans) - 1)
        for i in range(count):
            n += 1
            day = (start + datetime.timedelta(days=i * days // count)).isoformat()
            value = f"{(n * 7919) % 100000 / 100:.2f}"
            ext = f"bench-{n}"
            line = f"{plan},{kpi_key},{value},USD,{day},{ext}\n"
            if upload is None or size + len(line) > max_bytes:
                if upload:
                    upload.close()
                name = f"{out}/upload-{len(files):03d}.csv"
                files.append(name)
                upload = open(name, "w")
                upload.write(header)
                size = len(header)
            upload.write(line)
            size += len(line)
            copy.write(f"{uuid.uuid4()},{tenant},{plan},{kpi_id},{value},USD,{day},CRM,{ext},bench,{now},0\n")
if upload:
    upload.close()
print("\n".join(files))
