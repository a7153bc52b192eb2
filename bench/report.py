"""Renders a benchmark results folder: results.json (merged from the groups' JSON files), report.md and
report.html with charts drawn by gnuplot (PNG files in charts/, embedded in the HTML so that it opens
offline as one file). Called by bench/run at the end of a run and by bench/report for an old folder.
    python3 bench/report.py OUT_DIR [machine] [duration] [connections] [threads]
Also renders kpi-service's own result folders (bench/results/scorecard-*, ingest-*) on their own."""
import base64, datetime, html, json, os, re, shutil, subprocess, sys

out = sys.argv[1].rstrip("/")
charts_dir = os.path.join(out, "charts")
GRAPH_HTTP = ("pipeline", "import", "drain", "growth", "startup", "health")


def load(name):
    path = os.path.join(out, name)
    return json.load(open(path)) if os.path.exists(path) else None


def load_lines(name):
    path = os.path.join(out, name)
    return [json.loads(l) for l in open(path) if l.strip()] if os.path.exists(path) else None


def gather():
    """results.json as bench/run writes it, from the groups' own files (or an older results.json)."""
    old = load("results.json") or {}
    if "runs" in old or "copy" in old:  # a kpi-service folder: its results.json is the group's own file
        return {"date": folder_date(), "machine": "", "results": {("scorecard" if "runs" in old else "ingest"): old}}
    data = {"date": old.get("date") or folder_date(),
            "machine": sys.argv[2] if len(sys.argv) > 2 else old.get("machine", ""),
            "duration": sys.argv[3] if len(sys.argv) > 3 else old.get("duration", "?"),
            "connections": int(sys.argv[4]) if len(sys.argv) > 4 else old.get("connections", 0),
            "threads": int(sys.argv[5]) if len(sys.argv) > 5 else old.get("threads", 0),
            "results": dict(old.get("results", {}))}
    # The machine is shared: the load at the end of the run goes with every figure (bench/run passes the
    # machine; a re-render keeps what the run recorded).
    if len(sys.argv) > 2:
        data["load_average"] = " ".join(open("/proc/loadavg").read().split()[:3])
    elif "load_average" in old:
        data["load_average"] = old["load_average"]
    r = data["results"]
    for x in load_lines("http.jsonl") or []:
        r[x["name"]] = dict(x["result"], **{k: x[k] for k in ("cpu", "load_average") if k in x})
    if load_lines("health.jsonl"):
        r["health"] = load_lines("health.jsonl")
    for key, value in [("import", load_lines("import.jsonl")), ("pipeline", load("pipeline.json")),
                       ("growth", load_lines("growth.jsonl")), ("startup", load("startup.json")),
                       ("drain", load("drain.json")), ("scorecard", load("scorecard.json")),
                       ("ingest", load("ingest.json")), ("jmh", load("jmh.json"))]:
        if value is not None:
            r[key] = value
    return data


def folder_date():
    m = re.search(r"(\d{8}T\d{6}Z)$", out)
    if not m:
        return ""
    return datetime.datetime.strptime(m.group(1), "%Y%m%dT%H%M%SZ").strftime("%Y-%m-%dT%H:%M:%SZ")


def http_results(r):
    return {k: v for k, v in r.items() if k not in GRAPH_HTTP + ("scorecard", "ingest", "jmh")}


# ---------------------------------------------------------------- Markdown (as bench/run always wrote it)

def markdown(data):
    r, machine, duration, connections = data["results"], data["machine"], data.get("duration"), data.get("connections")
    load = f"; load average at the end {data['load_average']}" if data.get("load_average") else ""
    md = [f"# PartnerPlan benchmark, {data['date']} ({machine}{load})\n\n"]
    w = md.append
    http = http_results(r)
    if http:
        static = http.get("gateway-static", {}).get("rps")
        trivial = http.get("plan-trivial", {}).get("rps")
        ratio = lambda a, b: f"{a / b:.2f}" if a and b else ""
        w(f"## Through the gateway ({duration}, {connections} connections)\n\n")
        w("| scenario | req/s | vs trivial endpoint | vs gateway static | p50 ms | p99 ms | max ms | errors | ms CPU per request, whole stack | load average after |\n")
        w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
        for name, x in http.items():
            cpu = x.get("cpu", {}).get("all_listed", {}).get("ms_per_op", "")
            w(f"| {name} | {x['rps']:.0f} | {ratio(x['rps'], trivial)} | {ratio(x['rps'], static)} | {x['p50_ms']:.2f} | {x['p99_ms']:.2f} | {x['max_ms']:.1f} | {x['socket_errors'] + x['non2xx']} | {cpu} | {x.get('load_average', '')} |\n")
        # The issue-27 ratios: each PartnerPlan operation against the reference application's floor.
        pairs = [("plan-trivial", "reference-read"), ("plan-one-row", "reference-read"), ("plan-create", "reference-write")]
        rows = []
        for ours, floor in pairs:
            floors = [http[k] for k in (floor, floor + "-again") if k in http]
            if ours in http and floors:
                f_rps = sum(f["rps"] for f in floors) / len(floors)
                f_cpu = [f["cpu"]["all_listed"]["ms_per_op"] for f in floors if "cpu" in f]
                o_cpu = http[ours].get("cpu", {}).get("all_listed", {}).get("ms_per_op")
                c = f"{o_cpu / (sum(f_cpu) / len(f_cpu)):.1f}" if o_cpu and f_cpu else ""
                rows.append(f"| {ours} vs {floor} | {http[ours]['rps']:.0f} / {f_rps:.0f} | **{http[ours]['rps'] / f_rps:.3f}** | "
                            f"{o_cpu} / {(sum(f_cpu) / len(f_cpu)) if f_cpu else ''} | {c} |\n")
        if rows:
            w("\n### Against the reference application (same run; its figure is the mean of the runs before and after)\n\n")
            w("| operation | req/s (ours / reference) | throughput ratio | ms CPU per request, whole stack (ours / reference) | CPU ratio |\n")
            w("|---|---:|---:|---:|---:|\n")
            w("".join(rows))
        cpu_rows = [(n, x["cpu"]) for n, x in http.items() if "cpu" in x]
        if cpu_rows:
            procs = list(dict.fromkeys(k for _, c in cpu_rows for k in c if k != "all_listed"))
            w("\n### ms CPU per request of each process (from the measured run's start until the stack was quiet again)\n\n")
            w("| scenario | " + " | ".join(procs) + " | all |\n|---|" + "---:|" * (len(procs) + 1) + "\n")
            for n, c in cpu_rows:
                w(f"| {n} | " + " | ".join(str(c.get(p, {}).get("ms_per_op", "")) for p in procs)
                  + f" | {c['all_listed']['ms_per_op']} |\n")
    if "import" in r:
        w("\n## Bulk import of partner organisations (NDJSON through the gateway, one transaction per row)\n\n")
        w("| pass | rows | seconds | rows/s | outcomes |\n|---|---:|---:|---:|---|\n")
        for x in r["import"]:
            w(f"| {x['pass']} | {x['rows']} | {x['seconds']:.1f} | {x['rows_per_s']} | {dict(x['outcomes'])} |\n")
    if "pipeline" in r:
        p = r["pipeline"]
        q = p["requests"]
        w(f"\n## Event pipeline ({p['rate_per_s']}/s for {p['duration_s']} s: {q['created']} plans drafted, "
          f"{q['achieved_rate_per_s']}/s achieved, {q['failed']} failed, {q['skipped_ticks']} ticks skipped)\n\n")
        base = p["kafka_round_trip"]
        w("| from the request's start (or the send, for the baseline) to | count | missing | p50 ms | p90 ms | p99 ms | max ms | p50 vs baseline |\n")
        w("|---|---:|---:|---:|---:|---:|---:|---:|\n")
        for name, label in PIPELINE_STEPS:
            x = p[name]
            if "p50_ms" in x:
                w(f"| {label} | {x['count']} | {x['missing']} | {x['p50_ms']} | {x['p90_ms']} | {x['p99_ms']} | {x['max_ms']} | {x['p50_ms']/base['p50_ms']:.1f} |\n")
            else:
                w(f"| {label} | 0 | {x['missing']} | | | | | |\n")
        if "notification_lag" in p:
            g = p["notification_lag"]
            w(f"\nnotification-service's lag on the plan topic, sampled each second while drafting: at most {g['max']}, "
              f"at most {g['last_third_max']} in the last third, {g['at_end']} at the end "
              f"(bounded when the last third is no higher than the rest). Load average {p['load_average']['before']} "
              f"before, {p['load_average']['after']} after.\n")
        if "cpu" in p:
            ref = p.get("reference_write")
            title = (f"CPU from the first draft until drained ({p['drained']['wall_s']} s; load average {p['drained']['load_average']})"
                     if "drained" in p else f"CPU while drafting ({p['wall_s']} s)")
            rc = ref["cpu"] if ref else {}
            w(f"\n| {title} | CPU s | cores | ms per plan drafted | reference: ms per write |\n|---|---:|---:|---:|---:|\n")
            for name, x in p["cpu"].items():
                w(f"| {name} | {x['cpu_s']} | {x['cores']} | {x['ms_per_plan']} | {rc.get(name, {}).get('ms_per_plan', '')} |\n")
        if p.get("reference_write"):
            ref = p["reference_write"]
            a, q2 = ref["http_answer"], ref["requests"]
            w(f"\nReference application at the same rate ({q2['created']} writes, {q2['achieved_rate_per_s']}/s, {q2['failed']} failed): "
              f"answer p50 {a.get('p50_ms')} / p99 {a.get('p99_ms')} ms; whole stack **{ref['cpu']['all_listed']['ms_per_plan']} ms CPU per write** "
              f"against **{p['cpu']['all_listed']['ms_per_plan']} ms per plan drafted** "
              f"({p['cpu']['all_listed']['ms_per_plan'] / max(ref['cpu']['all_listed']['ms_per_plan'], 0.001):.1f}x); "
              f"load average {ref['load_average']['before']} before, {ref['load_average']['after']} after.\n")
    if "pipeline" in r and r["pipeline"].get("warm_up_curve"):
        curve = r["pipeline"]["warm_up_curve"]
        names = [k for k in curve[-1] if k not in ("t_s", "plans")]
        w("\n### Warm-up: ms CPU per plan drafted of each process, 5 s windows from the stack's first drafts\n\n")
        w("| s | plans | " + " | ".join(names) + " |\n|---:|---:|" + "---:|" * len(names) + "\n")
        for x in curve:
            w(f"| {x['t_s']} | {x['plans']} | " + " | ".join(str(x.get(n, "")) for n in names) + " |\n")
    if "health" in r:
        w("\n## Health of the stack after each group\n\n| after | process | running | RSS MB | old gen % | full GCs | GC s | load average |\n"
          "|---|---|---|---:|---:|---:|---:|---|\n")
        for h in r["health"]:
            for name, x in h["processes"].items():
                flag = "" if x.get("healthy", True) else " **unhealthy**"
                w(f"| {h['group']} | {name} | {'yes' if x['running'] else '**no**'}{flag} | {x.get('rss_mb', '')} | "
                  f"{x.get('old_gen_pct', '')} | {x.get('full_gcs', '')} | {x.get('gc_s', '')} | {h['load_average']} |\n")
    if "drain" in r:
        d = r["drain"]
        o, a, c = d["during_outage"], d["after_restart"], d["reconciliation"]
        w(f"\n## Backlog drain after the broker was down {o['broker_down_s']} s (plans drafted at {d['rate_per_s']}/s meanwhile)\n\n")
        w(f"- During the outage: {o['created']} plans drafted (201), {o['failed']} failed, outbox backlog {o['outbox_backlog']} events.\n")
        w(f"- Broker restarted in {d['broker_start_s']} s; from then: outbox empty after {a['outbox_empty_after_s']} s "
          f"(**{a['outbox_drain_events_per_s']} events/s** to Kafka); notification-service lag at most {a['notification_max_lag']}, "
          f"zero after {a['notification_lag_zero_after_s']} s (**{a['notification_drain_events_per_s']} events/s**); "
          f"every inbox item after {a['inbox_complete_after_s']} s, last webhook call after {a['last_webhook_after_s']} s.\n")
        w(f"- Reconciliation: {json.dumps(c)}\n")
    if "growth" in r:
        scales = sorted({x["scale"] for x in r["growth"]})
        names = list(dict.fromkeys(x["name"] for x in r["growth"]))
        at = {(x["scale"], x["name"]): x["result"] for x in r["growth"]}
        w("\n## Cost growth: the same reads as the tenant's plans and inbox items grow (p50 ms, req/s)\n\n")
        w("| read | " + " | ".join(f"{s:,} rows" for s in scales) + f" | p50 at {scales[-1]:,} / at {scales[0]:,} |\n")
        w("|---|" + "---:|" * (len(scales) + 1) + "\n")
        for name in names:
            cells = [f"{at[(s, name)]['p50_ms']:.2f} ms, {at[(s, name)]['rps']:.0f}/s"
                     + (f", {at[(s, name)]['socket_errors'] + at[(s, name)]['non2xx']} errors" if at[(s, name)]['socket_errors'] + at[(s, name)]['non2xx'] else "")
                     if (s, name) in at else "" for s in scales]
            first, last = at.get((scales[0], name)), at.get((scales[-1], name))
            ratio = f"{last['p50_ms'] / first['p50_ms']:.2f}" if first and last and first['p50_ms'] > 0 else ""
            w(f"| {name} | " + " | ".join(cells) + f" | {ratio} |\n")
    if "startup" in r:
        st = r["startup"]
        w(f"\n## Start-up and memory (each service restarted alone on the running stack; baseline: the JVM alone, "
          f"`java -version` with the same flags, {st['jvm_version_ms_median']} ms"
          + (f"; an idle JVM with the same flags: {st['jvm_rss_mb']} MB RSS" if st.get("jvm_rss_mb") else "") + ")\n\n")
        w("| service | ready after (ms) | vs JVM alone | Quarkus 'started in' (s) | RSS idle (MB) | RSS after the load (MB) | RSS high water (MB) |\n")
        w("|---|---:|---:|---:|---:|---:|---:|\n")
        for x in st["services"]:
            w(f"| {x['service']} | {x['ready_ms']} | {x['ready_ms'] / st['jvm_version_ms_median']:.0f}x | {x['quarkus_started_s']} | "
              f"{x['rss_idle_mb']} | {x['rss_after_load_mb']} | {x['rss_high_water_mb']} |\n")
    # kpi-service's own reports (bench/scorecard/run, bench/ingest/run) and JMH, as they wrote them.
    for sub in ("scorecard.md", "ingest.md"):
        path = os.path.join(out, sub)
        if os.path.exists(path):
            w("\n---\n\n")
            w(re.sub(r"(?m)^# ", "## ", open(path).read()))
    jmh_txt = os.path.join(out, "jmh.txt")
    if os.path.exists(jmh_txt):
        lines = open(jmh_txt).read().splitlines(keepends=True)
        start = next((i for i, l in enumerate(lines) if l.startswith("Benchmark ")), None)
        if start is not None:
            w("\n## Date-to-period lookups (JMH, ns per lookup)\n\n```\n" + "".join(lines[start:]) + "```\n")
    return "".join(md)


PIPELINE_STEPS = [("kafka_round_trip", "baseline: Kafka produce -> consume, relay's producer settings"),
                  ("http_answer", "plan-service answered 201 (through the gateway)"),
                  ("on_kafka", "plan.created consumed from the plan topic"),
                  ("inbox_item", "the drafter's inbox item written by notification-service"),
                  ("webhook_received", "the tenant's webhook endpoint received it")]


# ---------------------------------------------------------------- charts (gnuplot)

COMMON = """set terminal pngcairo size {w},{h} font "DejaVu Sans,10" noenhanced
set output "{png}"
set datafile separator "\\t"
set grid ytics lc rgb "#dddddd"
set border 3
set tics nomirror
set key noautotitle
set offsets 0, 0, graph 0.08, 0
"""
BASELINE, MEASURED, SECOND, THIRD = "#9e9e9e", "#1f77b4", "#ff7f0e", "#2ca02c"


class Charts:
    def __init__(self):
        self.made = []  # (section, title, png, caption)

    def draw(self, slug, section, title, caption, rows, script, w=960, h=420):
        """rows: list of tuples written tab-separated to charts/<slug>.dat; script: gnuplot body using DAT."""
        os.makedirs(charts_dir, exist_ok=True)
        dat, png, gp = (os.path.join(charts_dir, f"{slug}.{e}") for e in ("dat", "png", "gp"))
        with open(dat, "w") as f:
            for row in rows:
                f.write("\t".join(str(c) for c in row) + "\n")
        body = COMMON.format(w=w, h=h, png=f"{slug}.png") + script.replace("DAT", f'"{slug}.dat"')
        open(gp, "w").write(body)
        done = subprocess.run(["gnuplot", f"{slug}.gp"], cwd=charts_dir, capture_output=True, text=True)
        if done.returncode != 0 or not os.path.exists(png):
            print(f"gnuplot failed for {slug}: {done.stderr.strip()}", file=sys.stderr)
            return
        self.made.append((section, title, png, caption))


def label(s):
    return s.replace('"', "'")


SERVICE_OF = {"plan": "plan-service", "calendar": "calendar-service", "inbox": "notification-service",
              "notification": "notification-service", "measurement": "kpi-service", "kpi": "kpi-service"}


def http_charts(c, data):
    http = http_results(data["results"])
    if "gateway-static" not in http:
        return
    groups = {}
    for name in http:
        if name == "gateway-static":
            continue
        svc = SERVICE_OF.get(name.split("-")[0], name.split("-")[0])
        groups.setdefault(svc, []).append(name)
    for svc, names in groups.items():
        prefix = names[0].split("-")[0]
        trivial = next((n for n in names if n.endswith("-trivial")), None)
        baselines = ["gateway-static"] + ([] if trivial else ["plan-trivial"] if "plan-trivial" in http else [])
        measured = [n for n in names if n != trivial]
        order = baselines + ([trivial] if trivial else []) + measured
        rows = []
        for n in order:
            x = http[n]
            is_base = n in baselines or n == trivial
            errors = x["socket_errors"] + x["non2xx"]
            rows.append((label(n + (" (baseline)" if is_base else "") + (f" ({errors} errors)" if errors else "")), x["rps"], x["p50_ms"], x["p99_ms"],
                         0 if is_base else 1, x["socket_errors"] + x["non2xx"]))
        script = f"""set multiplot layout 1,2 title "{svc} through the gateway ({data.get('duration')}, {data.get('connections')} connections): grey = baselines of the same run"
set style fill solid 0.85 border -1
set boxwidth 0.7
set xtics rotate by -30 left
set logscale y
set ylabel "requests per second (log)"
set title "throughput"
plot DAT using 0:2:(column(5) > 0 ? 0x1f77b4 : 0x9e9e9e):xtic(1) with boxes lc rgb variable, \\
     '' using 0:2:(sprintf("%.0f", $2)) with labels offset 0,0.7 font ",9"
set title "latency p50 / p99"
set ylabel "ms (log)"
set style data histogram
set style histogram clustered gap 1
set key top left
plot DAT using 3:xtic(1) title "p50" lc rgb "{MEASURED}", '' using 4 title "p99" lc rgb "{SECOND}"
unset multiplot
"""
        c.draw(f"http-{prefix}", "Through the gateway", f"{svc}: throughput and p50/p99 beside the baselines",
               f"Each endpoint of {svc} beside the gateway serving a static file and "
               + (f"the service's trivial endpoint ({trivial})" if trivial else "plan-service's trivial endpoint (plan-trivial)")
               + ", all measured in the same run.", rows, script, w=1100, h=460)


def growth_charts(c, data):
    g = data["results"].get("growth")
    if not g:
        return
    scales = sorted({x["scale"] for x in g})
    names = list(dict.fromkeys(x["name"] for x in g))
    at = {(x["scale"], x["name"]): x["result"] for x in g}
    rows = [[s] + [at[(s, n)]["p50_ms"] if (s, n) in at else "NaN" for n in names]
            + [at[(s, n)]["rps"] if (s, n) in at else "NaN" for n in names] for s in scales]
    k = len(names)
    colours = [BASELINE if n == "gateway-static" else None for n in names]

    def lines(offset):
        parts = []
        for i, n in enumerate(names):
            style = f'lc rgb "{BASELINE}" dt 2' if colours[i] else f"lc {i + 1}"
            parts.append(f'DAT using 1:{i + 2 + offset} with linespoints lw 2 pt 7 {style} title "{label(n)}"')
        return ", \\\n     ".join(parts)

    script = f"""set multiplot layout 1,2 title "Cost growth: the same reads as the tenant's plans and inbox items grow (grey dashed = gateway static file, same scale)"
set logscale x 10
set logscale y
set format x "10^%L"
set xrange [{scales[0] / 2}:{scales[-1] * 2}]
set xlabel "rows (log)"
set key outside bottom center horizontal maxrows 2
set title "p50 latency"
set ylabel "ms (log)"
plot {lines(0)}
set title "throughput"
set ylabel "requests per second (log)"
plot {lines(k)}
unset multiplot
"""
    c.draw("growth", "Cost growth", "latency and throughput vs rows, 10^3 ... 10^6",
           "p50 latency and requests per second of each read at each scale (log-log); a flat line is a read whose "
           "cost does not grow with the data.", rows, script, w=1100, h=480)


def startup_charts(c, data):
    st = data["results"].get("startup")
    if not st:
        return
    rows = [("JVM alone (baseline)", st["jvm_version_ms_median"], st.get("jvm_rss_mb", "NaN"), "NaN", "NaN", 0)]
    rows += [(x["service"], x["ready_ms"], x["rss_idle_mb"], x["rss_after_load_mb"], x["rss_high_water_mb"], 1)
             for x in st["services"]]
    script = f"""set multiplot layout 1,2 title "Start-up and memory per service (grey = the bare JVM with the same flags)"
set style fill solid 0.85 border -1
set xtics rotate by -30 left
set yrange [0:*]
set title "time until /q/health/ready answers"
set ylabel "ms"
set boxwidth 0.7
plot DAT using 0:2:(column(6) > 0 ? 0x1f77b4 : 0x9e9e9e):xtic(1) with boxes lc rgb variable, \\
     '' using 0:2:(sprintf("%d", $2)) with labels offset 0,0.7 font ",9"
set title "resident memory (RSS)"
set ylabel "MB"
set style data histogram
set style histogram clustered gap 1
set key top left
plot DAT using 3:xtic(1) title "idle (bare JVM: idle)" lc rgb "{MEASURED}", '' using 4 title "after the load" lc rgb "{SECOND}", \\
     '' using 5 title "high water" lc rgb "{THIRD}"
unset multiplot
"""
    c.draw("startup", "Start-up and memory", "start-up time and RSS per service vs the bare JVM",
           "Each service restarted alone on the running stack: time to ready and its RSS idle, after the load and at "
           "its high-water mark; baseline: `java -version` with the same flags (time) and an idle JVM with the same "
           "flags (RSS, when the run measured it).", rows, script, w=1100, h=440)


def pipeline_charts(c, data):
    p = data["results"].get("pipeline")
    if not p:
        return
    short = {"kafka_round_trip": "Kafka produce->consume (baseline)", "http_answer": "201 answered",
             "on_kafka": "plan.created on Kafka", "inbox_item": "inbox item written", "webhook_received": "webhook received"}
    rows = [(short[n], p[n]["p50_ms"], p[n]["p90_ms"], p[n]["p99_ms"], p[n]["max_ms"]) for n, _ in PIPELINE_STEPS
            if "p50_ms" in p.get(n, {})]
    if not rows:
        return
    q = p["requests"]
    script = f"""set title "Event pipeline at {p['rate_per_s']}/s for {p['duration_s']} s ({q['created']} plans drafted, {q['achieved_rate_per_s']}/s achieved): time from the request's start to each step"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set logscale y
set ylabel "ms (log)"
set xtics rotate by -20 left
set key top left
plot DAT using 2:xtic(1) title "p50" lc rgb "{MEASURED}", '' using 3 title "p90" lc rgb "{THIRD}", \\
     '' using 4 title "p99" lc rgb "{SECOND}", '' using 5 title "max" lc rgb "#d62728"
"""
    c.draw("pipeline", "Event pipeline", "step percentiles, state change -> outbox -> Kafka -> consumer effects",
           "Percentiles of each step of the pipeline, beside Kafka's own produce -> consume round trip with the "
           "relay's producer settings at the same rate (first group).", rows, script)


def drain_charts(c, data):
    d = data["results"].get("drain")
    if not d or not d.get("timeline"):
        return
    rows = [(t["s"], t["outbox_unpublished"], t["consumer_lag"], t["inbox"], t["webhooks"]) for t in d["timeline"]]
    a = d["after_restart"]
    script = f"""set title "Backlog drain after the broker was down {d['during_outage']['broker_down_s']} s: outbox {a['outbox_drain_events_per_s']} events/s to Kafka, notification-service {a['notification_drain_events_per_s']} events/s"
set xlabel "seconds after the broker was back"
set ylabel "events / items"
set yrange [0:*]
set key outside right
plot DAT using 1:2 with lines lw 2 lc rgb "{MEASURED}" title "outbox unpublished", \\
     '' using 1:3 with lines lw 2 lc rgb "{SECOND}" title "notification consumer lag", \\
     '' using 1:4 with lines lw 2 lc rgb "{THIRD}" title "inbox items", \\
     '' using 1:5 with lines lw 2 dt 2 lc rgb "#9467bd" title "webhook calls"
"""
    c.draw("drain", "Backlog drain", "the backlog draining after the broker restart",
           "Outbox rows still unpublished and notification-service's consumer lag fall while inbox items and "
           "webhook calls rise; the slopes are the drain rates.", rows, script)
    rates = [(n, v) for n, v in [("outbox -> Kafka (plan-service relay)", a["outbox_drain_events_per_s"]),
                                 ("notification-service consumer", a["notification_drain_events_per_s"])] if v is not None]
    if rates:
        script = f"""set title "Drain rates after the broker was back (backlog {d['during_outage']['outbox_backlog']} events)"
set style fill solid 0.85 border -1
set boxwidth 0.5
set yrange [0:*]
set ylabel "events per second"
plot DAT using 0:2:xtic(1) with boxes lc rgb "{MEASURED}", '' using 0:2:(sprintf("%.0f", $2)) with labels offset 0,0.7
"""
        c.draw("drain-rates", "Backlog drain", "drain rates", "Backlog divided by the time until it was empty.",
               rates, script, w=640, h=360)


def import_charts(c, data):
    im = data["results"].get("import")
    if not im:
        return
    rows = [(f"{x['pass']} ({x['rows']:,} rows)", x["rows_per_s"]) for x in im]
    script = f"""set title "Bulk import of partner organisations through the gateway (NDJSON)"
set style fill solid 0.85 border -1
set boxwidth 0.5
set yrange [0:*]
set ylabel "rows per second"
plot DAT using 0:2:xtic(1) with boxes lc rgb "{MEASURED}", '' using 0:2:(sprintf("%d", $2)) with labels offset 0,0.7
"""
    c.draw("import", "Bulk import", "rows per second, first import vs the unchanged re-sync",
           "The first pass creates every row; the second sends the same file again (every row unchanged).",
           rows, script, w=640, h=360)


def scorecard_charts(c, data):
    s = data["results"].get("scorecard")
    if not s or not s.get("runs"):
        return
    kinds = [("scorecard", "scorecard (month)"), ("scorecardDay", "series=day"), ("scorecardComputed", "computed"),
             ("portfolio", "portfolio"), ("write", "measurement write")]
    last = s["runs"][-1]
    rows = [(lbl, last[k]["p50_ms"], last[k]["p95_ms"], last[k]["p99_ms"], last[k]["rps"]) for k, lbl in kinds if k in last]
    script = f"""set multiplot layout 1,2 title "kpi-service scorecard at {last['scale']:,} measurements ({s.get('partners', '?')} partners in the portfolio; load {last.get('loadAverage', '?')})"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set xtics rotate by -30 left
set title "latency"
set ylabel "ms"
set yrange [0:*]
set key top left
plot DAT using 2:xtic(1) title "p50" lc rgb "{MEASURED}", '' using 3 title "p95" lc rgb "{THIRD}", '' using 4 title "p99" lc rgb "{SECOND}"
set title "throughput"
set ylabel "requests per second"
plot DAT using 5:xtic(1) title "req/s" lc rgb "{MEASURED}"
unset multiplot
"""
    c.draw("scorecard", "kpi-service: scorecard", "scorecard, portfolio and write latency",
           "kpi-service's own benchmark (bench/scorecard/run), directly on the service.", rows, script, w=1100, h=440)
    if len(s["runs"]) > 1:
        rows = [[run["scale"]] + [run[k]["p95_ms"] if k in run else "NaN" for k, _ in kinds] for run in s["runs"]]
        plots = ", \\\n     ".join(f'DAT using 1:{i + 2} with linespoints lw 2 pt 7 title "{lbl}"' for i, (_, lbl) in enumerate(kinds))
        script = f"""set title "kpi-service: p95 latency as the plan's measurements grow"
set logscale x 10
set logscale y
set format x "10^%L"
set xlabel "measurements (log)"
set ylabel "p95 ms (log)"
set key outside right
plot {plots}
"""
        c.draw("scorecard-growth", "kpi-service: scorecard", "p95 vs measurements",
               "The same reads at each scale of the run.", rows, script)


def ingest_charts(c, data):
    i = data["results"].get("ingest")
    if not i or "copy" not in i:
        return
    rows = [("raw COPY (baseline)", i["copy"]["rowsPerSecond"], 0),
            ("kpi-service bulk endpoint", i["service"]["rowsPerSecond"], 1)]
    script = f"""set title "Bulk ingest of {i['rows']:,} measurements: service at {i['ratio'] * 100:.1f}% of raw COPY"
set style fill solid 0.85 border -1
set boxwidth 0.5
set yrange [0:*]
set ylabel "rows per second"
plot DAT using 0:2:(column(3) > 0 ? 0x1f77b4 : 0x9e9e9e):xtic(1) with boxes lc rgb variable, \\
     '' using 0:2:(sprintf("%d", $2)) with labels offset 0,0.7
"""
    c.draw("ingest", "kpi-service: bulk ingest", "rows per second vs raw PostgreSQL COPY",
           "The same rows both ways, same PostgreSQL, same run (bench/ingest/run).", rows, script, w=640, h=360)


def jmh_charts(c, data):
    j = data["results"].get("jmh")
    if not j:
        return
    rows = []
    for b in j:
        params = ",".join(f"{k}={v}" for k, v in (b.get("params") or {}).items())
        rows.append((label(b["benchmark"].split(".")[-1] + (f" [{params}]" if params else "")),
                     b["primaryMetric"]["score"], b["primaryMetric"].get("scoreError", 0)))
    unit = j[0]["primaryMetric"].get("scoreUnit", "")
    script = f"""set title "Date-to-period lookups (JMH)"
set style fill solid 0.85 border -1
set boxwidth 0.7
set xtics rotate by -30 left
set yrange [0:*]
set ylabel "{unit}"
plot DAT using 0:2:xtic(1) with boxes lc rgb "{MEASURED}", '' using 0:2:3 with yerrorbars lc rgb "black" pt 0
"""
    c.draw("jmh", "Date-to-period lookups (JMH)", "score per benchmark", "In-process micro-benchmark (bench/jmh/run).",
           rows, script, w=960, h=460)


# ---------------------------------------------------------------- HTML

def md_to_html(text):
    """The subset of Markdown report.md uses: headings, tables, lists, code blocks, rules, **bold**, `code`."""
    def inline(s):
        s = html.escape(s)
        s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
        return re.sub(r"`([^`]+)`", r"<code>\1</code>", s)
    res, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            j = i + 1
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            res.append("<pre>" + html.escape("\n".join(lines[i + 1:j])) + "</pre>")
            i = j + 1
            continue
        m = re.match(r"^(#+) (.*)", line)
        if m:
            n = min(len(m.group(1)) + 1, 6)
            res.append(f"<h{n}>{inline(m.group(2))}</h{n}>")
        elif line.startswith("|"):
            j = i
            while j < len(lines) and lines[j].startswith("|"):
                j += 1
            cells = [[c.strip() for c in l.strip().strip("|").split("|")] for l in lines[i:j]]
            right = [c.endswith(":") for c in cells[1]] if len(cells) > 1 else []
            t = ["<table><tr>" + "".join(f"<th>{inline(c)}</th>" for c in cells[0]) + "</tr>"]
            for row in cells[2:]:
                t.append("<tr>" + "".join(f"<td{' class=num' if k < len(right) and right[k] else ''}>{inline(c)}</td>"
                                          for k, c in enumerate(row)) + "</tr>")
            res.append("".join(t) + "</table>")
            i = j
            continue
        elif line.startswith("- "):
            j = i
            while j < len(lines) and lines[j].startswith("- "):
                j += 1
            res.append("<ul>" + "".join(f"<li>{inline(l[2:])}</li>" for l in lines[i:j]) + "</ul>")
            i = j
            continue
        elif line.strip() == "---":
            res.append("<hr>")
        elif line.strip():
            res.append(f"<p>{inline(line)}</p>")
        i += 1
    return "\n".join(res)


def write_html(data, md, charts):
    parts = [f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>PartnerPlan benchmark {html.escape(data['date'])}</title>
<style>
body {{ font-family: sans-serif; max-width: 1160px; margin: 1em auto; padding: 0 1em; color: #222; }}
table {{ border-collapse: collapse; margin: .5em 0 1.5em; font-size: 90%; }}
th, td {{ border: 1px solid #ccc; padding: 3px 7px; }} th {{ background: #f2f2f2; }} td.num {{ text-align: right; }}
figure {{ margin: 1em 0 2em; }} figure img {{ max-width: 100%; border: 1px solid #eee; }}
figcaption {{ color: #555; font-size: 90%; }} pre {{ background: #f7f7f7; padding: .5em; overflow-x: auto; }}
nav a {{ margin-right: 1em; }}
</style></head><body>
<h1>PartnerPlan benchmark, {html.escape(data['date'])} ({html.escape(data.get('machine') or '')}{html.escape(f"; load average at the end {data['load_average']}" if data.get('load_average') else '')})</h1>
<p>Charts drawn by gnuplot from this folder's JSON files (re-render with <code>bench/report {html.escape(out)}</code>);
ratios compare only within this run. The tables below the charts are report.md.</p>
"""]
    sections = list(dict.fromkeys(s for s, _, _, _ in charts))
    if sections:
        parts.append("<nav>" + "".join(f'<a href="#{re.sub(r"[^a-z]+", "-", s.lower())}">{html.escape(s)}</a>'
                                       for s in sections) + "</nav>")
    for s in sections:
        parts.append(f'<h2 id="{re.sub(r"[^a-z]+", "-", s.lower())}">{html.escape(s)}</h2>')
        for section, title, png, caption in charts:
            if section != s:
                continue
            b64 = base64.b64encode(open(png, "rb").read()).decode()
            parts.append(f'<figure><img alt="{html.escape(title)}" src="data:image/png;base64,{b64}">'
                         f"<figcaption><strong>{html.escape(title)}.</strong> {html.escape(caption)} "
                         f'(<a href="charts/{os.path.basename(png)}">PNG</a>)</figcaption></figure>')
    parts.append('<h2 id="tables">Tables</h2>')
    parts.append(md_to_html(re.sub(r"\A# .*\n", "", md)))
    parts.append("</body></html>\n")
    open(os.path.join(out, "report.html"), "w").write("\n".join(parts))


def main():
    data = gather()
    r = data["results"]
    if not r:
        sys.exit(f"nothing to report in {out}: no results.json or group files (http.jsonl, growth.jsonl, ...)")
    own = load("results.json") or {}
    kpi_only = "runs" in own or "copy" in own
    if not kpi_only:
        json.dump(data, open(os.path.join(out, "results.json"), "w"), indent=2)
        md = markdown(data)
        open(os.path.join(out, "report.md"), "w").write(md)
    else:  # kpi-service's own folder: its report.md is its script's; only the HTML is added
        md = open(os.path.join(out, "report.md")).read() if os.path.exists(os.path.join(out, "report.md")) else ""
    if shutil.which("gnuplot") is None:
        print("gnuplot not found (apt-get install gnuplot-nox): report.html without charts", file=sys.stderr)
        charts = Charts()
    else:
        if os.path.isdir(charts_dir):
            shutil.rmtree(charts_dir)
        charts = Charts()
        for draw in (http_charts, growth_charts, startup_charts, pipeline_charts, drain_charts, import_charts,
                     scorecard_charts, ingest_charts, jmh_charts):
            draw(charts, data)
    write_html(data, md, charts.made)
    print(f"{out}/report.html: {len(charts.made)} charts")


main()
