-- Counts the answers the output cache gave (they carry an Age header); the requests are wrk's own.
--   wrk -s bench/wrk/hits.lua <url>
local threads = {}
hits = 0  -- a global, so that done() can read it from each thread

function setup(thread)
  table.insert(threads, thread)
end

function response(status, headers, body)
  if headers["Age"] ~= nil then hits = hits + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("hits") end
  io.write(string.format("cache hits: %d of %d\n", total, summary.requests))
end
