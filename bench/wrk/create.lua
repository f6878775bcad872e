-- W1: every request creates a new post (unique title, ~4 KB markdown, an author, a tag). Drafts, under
-- their own tag: the reads measured later in the same run must see the same published posts.
--   wrk -s bench/wrk/create.lua <url> -- <admin key> <author slug> <run id>
local threads, counter = 0, 0
tid = 0  -- set per thread by setup(); a global, so that thread:set reaches it
local key, author, run
local body = string.rep("Some **markdown** text about people, government and the city council. ", 60)

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  key, author, run = args[1], args[2], args[3]
end

function request()
  counter = counter + 1
  local json = string.format(
    '{"title":"Bench %s %d %d","status":"draft","body":"%s","authors":["%s"],"tags":["Bench Writes"],"categories":["News"]}',
    run, tid, counter, body, author)
  return wrk.format("POST", "/api/v1/posts",
    { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" }, json)
end
