-- Counts the answers the output cache gave (they carry an Age header). With a file of slugs, each request
-- reads one post by slug, taking the slugs in turn (Q3 over many posts); without, wrk's own URL.
--   wrk -s bench/wrk/cached.lua <url>
--   wrk -s bench/wrk/cached.lua <base url> -- <file of slugs, one per line> <query string>
local threads = {}
local slugs, next_slug, query = {}, 0, ""
hits = 0  -- a global, so that done() can read it from each thread

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  if args[1] == nil then return end
  for line in io.lines(args[1]) do slugs[#slugs + 1] = line end
  query = args[2] or ""
  next_slug = math.random(#slugs)
end

function request()
  if #slugs == 0 then return wrk.format() end
  next_slug = next_slug % #slugs + 1
  return wrk.format("GET", "/api/v1/posts/slug/" .. slugs[next_slug] .. query)
end

function response(status, headers, body)
  if headers["Age"] ~= nil then hits = hits + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("hits") end
  io.write(string.format("cache hits: %d of %d\n", total, summary.requests))
end
