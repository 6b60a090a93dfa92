-- wrk script for bench/lib/wrk.ts: sends the requests listed in the file given after `--`, in turn
-- (one per line: METHOD<TAB>PATH<TAB>BODY, body optional), with a browser's Accept-Encoding, and
-- prints one WRK_RESULT line with counts and latency percentiles in microseconds.
local requests = {}
local counter = 0

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local method, path, body = line:match("^(%S+)\t([^\t]+)\t?(.*)$")
    local headers = { ["Accept-Encoding"] = "gzip, deflate, br" }
    if body ~= nil and body ~= "" then
      headers["Content-Type"] = "application/json"
    else
      body = nil
    end
    table.insert(requests, wrk.format(method, path, headers, body))
  end
  file:close()
end

function request()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end

function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format("WRK_RESULT %d %d %d %d %d %d %d %d %d\n",
    summary.requests, summary.duration, e.connect + e.read + e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
