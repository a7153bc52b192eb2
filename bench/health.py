"""Health of every process of the bench stack after a benchmark group: still running, resident memory, and
for the JVMs (services, Kafka, the mail sink, the reference application) the old generation's occupancy and
the full collections so far (jstat), so that a part of scripts/stack that does not hold a benchmark's
volume (GreenMail once sat at 100% old generation after 13,314 full collections) shows in the report.
    python3 bench/health.py GROUP NAME:PID,... [JAVA_HOME]   -> one JSON line on stdout"""
import json, os, subprocess, sys


def rss_mb(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024)
    except OSError:
        return None


def threads_and_children(pid):
    kids = 0
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                s = open(f"/proc/{name}/stat").read()
                if int(s[s.rindex(")") + 2:].split()[1]) == pid:
                    kids += 1
            except (OSError, ValueError):
                pass
    return kids


def gc(pid, java_home):
    jstat = os.path.join(java_home, "bin", "jstat") if java_home else "jstat"
    try:
        out = subprocess.run([jstat, "-gcutil", str(pid)], capture_output=True, text=True, timeout=20).stdout.split("\n")
        head, values = out[0].split(), out[1].split()
        row = dict(zip(head, values))
        return {"old_gen_pct": float(row["O"]), "young_gcs": int(row["YGC"]), "full_gcs": int(row["FGC"]),
                "full_gc_s": float(row["FGCT"]), "gc_s": float(row["GCT"])}
    except Exception:  # not a JVM, or not ours to attach to
        return None


def main():
    group, spec = sys.argv[1], sys.argv[2]
    java_home = sys.argv[3] if len(sys.argv) > 3 else os.environ.get("JAVA_HOME", "")
    procs = {}
    for entry in spec.split(","):
        if ":" not in entry:
            continue
        name, pid = entry.rsplit(":", 1)
        if not pid.strip().isdigit():
            continue
        pid = int(pid)
        alive = os.path.exists(f"/proc/{pid}")
        p = {"running": alive}
        if alive:
            p["rss_mb"] = rss_mb(pid)
            if name.endswith("+"):
                p["children"] = threads_and_children(pid)
            g = gc(pid, java_home)
            if g:
                p.update(g)
                # Healthy: the old generation is not full after its collections, and full collections are rare.
                p["healthy"] = g["old_gen_pct"] < 90 or g["full_gcs"] < 50
            else:
                p["healthy"] = True
        else:
            p["healthy"] = False
        procs[name.rstrip("+")] = p
    load = " ".join(open("/proc/loadavg").read().split()[:3])
    print(json.dumps({"group": group, "load_average": load, "processes": procs,
                      "all_healthy": all(p["healthy"] for p in procs.values())}))


main()
