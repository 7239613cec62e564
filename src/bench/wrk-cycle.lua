-- wrk script: cycles through a request file (env WRK_REQUESTS), one request a line:
--   GET /path?query            or            POST /path {json body}
-- Each thread starts at its own offset. At the end prints one line "BENCH_JSON {...}" with
-- throughput, latency percentiles (ms) and errors (non-2xx/3xx responses and socket errors).
local requests = {}
local counter = 1
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = os.getenv("WRK_REQUESTS")
  for line in io.lines(file) do
    local method, path, body = line:match("^(%u+) (%S+) ?(.*)$")
    if method then
      local headers = {}
      if body == "" then body = nil else headers["Content-Type"] = "application/json" end
      table.insert(requests, wrk.format(method, path, headers, body))
    end
  end
  if #requests == 0 then error("no requests in " .. tostring(file)) end
  counter = (id or 0) * 7919 % #requests + 1
end

function request()
  local r = requests[counter]
  counter = counter % #requests + 1
  return r
end

function done(summary, latency, requests)
  local e = summary.errors
  print(string.format(
    'BENCH_JSON {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50ms":%.3f,"p90ms":%.3f,"p99ms":%.3f,'
      .. '"maxms":%.3f,"non2xx":%d,"socketErrors":%d}',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
