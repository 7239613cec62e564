-- wrk script for src/bench/soak.sh: a mix of the API's read paths (ranked words, phrases,
-- prefixes, fuzzy words, filters, facets, sorting, paging, completions, facet listings, stats),
-- picked at random per request; at the end one machine-readable SOAK line for the segment.

local words = {
  "learning", "diffusion", "transformer", "galaxy", "quantum", "graph", "reinforcement",
  "language", "vision", "policy", "robot", "attention", "segmentation", "retrieval", "protein",
  "black hole", "neural network", "large language model", "federated", "benchmark",
}

local paths = {
  function(w) return "/api/search?q=" .. w end,
  function(w) return "/api/search?q=" .. w .. "&facets=none" end,
  function(w) return "/api/search?q=%22" .. w .. "%22&facets=subject,year" end,
  function(w) return "/api/search?q=" .. w .. "&subject=cs.LG&year=2025" end,
  function(w) return "/api/search?q=" .. w .. "&sort=newest&size=20" end,
  function(w) return "/api/search?q=" .. w .. "&page=3&facets=author" end,
  function(w) return "/api/search?q=" .. string.sub(w, 1, 5) .. "*" end,
  function(w) return "/api/search?q=" .. w .. "~&facets=none" end,
  function(w) return "/api/search?q=(" .. w .. "+OR+model)+-survey&explain=true&size=5" end,
  function(w) return "/api/search?facets=subject,type&sort=oldest" end,
  function(w) return "/api/suggest?q=" .. string.sub(w, 1, 3) end,
  function(w) return "/api/facets/author?prefix=" .. string.sub(w, 1, 2) .. "&size=20" end,
  function(w) return "/api/stats" end,
}

local counter = 0

setup = function(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

init = function(args)
  math.randomseed(os.time() + (seed or 0) * 7919)
end

request = function()
  local w = string.gsub(words[math.random(#words)], " ", "+")
  local path = paths[math.random(#paths)](w)
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "SOAK requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d " ..
    "p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
