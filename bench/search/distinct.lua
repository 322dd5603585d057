-- wrk script for bench/search_benchmark.sh: each request is the next search of the file named
-- by KC_SEARCHES (URL-encoded, one a line), the threads taking turns, so none repeats while the
-- file lasts. KC_PATH: the list path (default /api/de-an).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  queries = {}
  for line in io.lines(os.getenv("KC_SEARCHES")) do queries[#queries + 1] = line end
  path = os.getenv("KC_PATH") or "/api/de-an"
  step = tonumber(os.getenv("KC_THREADS") or "2")
end

function request()
  local i = (counter * step + id) % #queries + 1
  counter = counter + 1
  return wrk.format("GET", path .. "?q=" .. queries[i])
end
