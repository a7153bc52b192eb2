-- A plan's scorecard as of a different day on every request (BENCH_PATH_PREFIX ending in "asOf=", BENCH_FIRST_DAY,
-- BENCH_DAYS), so none is a kept one: the cost of computing a scorecard. BENCH_TOKEN as in request.lua.
local token = os.getenv("BENCH_TOKEN")
local prefix = os.getenv("BENCH_PATH_PREFIX")
local y, m, d = os.getenv("BENCH_FIRST_DAY"):match("(%d+)-(%d+)-(%d+)")
local first = os.time({ year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12 })
local days = tonumber(os.getenv("BENCH_DAYS") or "1826")
local n = 0

function setup(thread)
  thread:set("offset", tostring(math.random(0, days - 1)))
end

function request()
  n = n + 1
  local day = os.date("!%Y-%m-%d", first + ((tonumber(offset or "0") + n * 7) % days) * 86400)
  local headers = {}
  if token and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  return wrk.format("GET", prefix .. day, headers)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p95_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"socket_errors":%d,"non2xx":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status))
end
