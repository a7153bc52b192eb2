"""CPU time per process of the bench stack, for CPU per operation (the figure that survives a shared machine).
    python3 bench/cpu.py snapshot NAME:PID,...        -> JSON {name: cpu seconds} on stdout
    python3 bench/cpu.py settle NAME:PID,... [max_s]  -> waits until the listed processes together use under
                                                         0.15 cores for 3 s in a row (the pipeline drained)
    python3 bench/cpu.py per-op BEFORE.json AFTER.json OPS -> JSON {name: {"cpu_s", "ms_per_op"}, "all_listed": ...}
A name ending in + counts the live children of the process too (PostgreSQL's backends, nginx's workers).
CPU seconds are user + system time from /proc/<pid>/stat (fields 14 and 15, in USER_HZ = 1/100 s)."""
import json, os, sys, time

HZ = os.sysconf("SC_CLK_TCK")


def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        s = f.read()
    return s[s.rindex(")") + 2:].split()  # fields from the state on: index 0 = field 3


def ticks(pid):
    f = stat(pid)
    return int(f[11]) + int(f[12])


def children(pid):
    kids = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                if int(stat(name)[1]) == pid:
                    kids.append(int(name))
            except (OSError, ValueError, IndexError):
                pass
    return kids


def parse(spec):
    out = {}
    for entry in spec.split(","):
        if ":" in entry:
            name, pid = entry.rsplit(":", 1)
            if pid.strip().isdigit():
                out[name] = int(pid)
    return out


def snapshot(spec):
    cpu = {}
    for name, pid in parse(spec).items():
        try:
            t = ticks(pid)
            if name.endswith("+"):
                for kid in children(pid):
                    try:
                        t += ticks(kid)
                    except OSError:
                        pass
            cpu[name] = t / HZ
        except OSError:
            pass
    return cpu


def settle(spec, max_s):
    deadline, calm, last = time.time() + max_s, 0, snapshot(spec)
    while time.time() < deadline and calm < 3:
        time.sleep(1)
        now = snapshot(spec)
        used = sum(now[k] - last.get(k, now[k]) for k in now)
        calm = calm + 1 if used < 0.15 else 0
        last = now
    return calm >= 3


def per_op(before, after, ops):
    out, total = {}, 0.0
    for name, t in after.items():
        if name in before:
            used = t - before[name]
            total += used
            out[name.rstrip("+")] = {"cpu_s": round(used, 2), "ms_per_op": round(used * 1000 / ops, 3) if ops else None}
    out["all_listed"] = {"cpu_s": round(total, 2), "ms_per_op": round(total * 1000 / ops, 3) if ops else None}
    return out


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "snapshot":
        print(json.dumps(snapshot(sys.argv[2])))
    elif cmd == "settle":
        sys.exit(0 if settle(sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 120) else 1)
    elif cmd == "per-op":
        print(json.dumps(per_op(json.load(open(sys.argv[2])), json.load(open(sys.argv[3])), int(sys.argv[4]))))
    else:
        sys.exit(__doc__)
