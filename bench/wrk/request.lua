-- One request shape for a whole run, from the environment: BENCH_METHOD, BENCH_TOKEN, BENCH_BODY (or
-- BENCH_BODY_FILE), BENCH_CONTENT_TYPE. done() prints one JSON line the runner collects.
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
local body = os.getenv("BENCH_BODY")
-- Bodies too large for an environment variable (e.g. 10,000 dates) come from a file.
local body_file = os.getenv("BENCH_BODY_FILE")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "r"))
  body = f:read("*a")
  f:close()
end
if body and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE") or "application/json"
end

-- BENCH_MAX_REQUESTS (a warm-up by count, so that both sides of a comparison are warmed alike): each
-- thread stops after its share of that many responses.
local max_requests = tonumber(os.getenv("BENCH_MAX_REQUESTS") or "")
if max_requests then
  local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
  local per_thread = math.ceil(max_requests / threads)
  local seen = 0
  function response(status, headers, body)
    seen = seen + 1
    if seen >= per_thread then
      wrk.thread:stop()
    end
  end
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  -- wrk counts responses outside 2xx/3xx in errors.status.
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p95_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"socket_errors":%d,"non2xx":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status))
end
