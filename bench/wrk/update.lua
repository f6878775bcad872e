-- W2: every request updates a post with PUT and `If-Match: <its current ETag>` (drafts under their own
-- tag, as in create.lua, so that the reads of the run never see them).
--   wrk -s bench/wrk/update.lua <url> -- <admin key> <file of "id etag" lines> <threads> <author slug>
-- Each thread owns the posts of lines tid, tid + threads, ... (twice as many as its connections), and
-- keeps a pool of posts with no request in flight. A response carries the post's id in its body and
-- the new version in ETag: the post goes back to the pool with it. A request never reuses a version
-- that another request is about to replace, so a 412 here is a real failure. (wrk calls request()
-- once on thread 0 to check the script, and never sends that one: that post stays out of the pool,
-- which is why each thread gets twice as many posts as connections.)
local threads = 0
tid = 0  -- set per thread by setup(); a global, so that thread:set reaches it
local key, author
local free, byid, counter = {}, {}, 0
local body = string.rep("Updated **markdown** text about people, government and the city council. ", 60)

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  key, author = args[1], args[4]
  local nthreads, k = tonumber(args[3]), 0
  for line in io.lines(args[2]) do
    local id, etag = line:match("^(%S+)%s+(.+)$")
    if id and k % nthreads == tid then
      local post = { id = id, etag = etag }
      byid[id] = post
      table.insert(free, post)
    end
    k = k + 1
  end
end

function request()
  local post = table.remove(free, 1)
  if post == nil then
    -- Only after failed responses (whose body names no post): a harmless read keeps wrk going.
    return wrk.format("GET", "/health/live")
  end
  counter = counter + 1
  local json = string.format('{"title":"Updated %d %d","status":"draft","body":"%s","authors":["%s"],"tags":["Bench Writes"]}',
    tid, counter, body, author)
  return wrk.format("PUT", "/api/v1/posts/" .. post.id,
    { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json", ["If-Match"] = post.etag }, json)
end

function response(status, headers, body)
  local id = body:match('"id"%s*:%s*"([^"]+)"')
  local post = id and byid[id]
  if post then
    post.etag = headers["ETag"] or headers["etag"] or headers["Etag"] or post.etag
    table.insert(free, post)
  end
end
