-- wrk script for BENCHMARKS.md "Dashboard": every request is a different, random page of the
-- data made by `bench dashboard-data` (so no cache, H2's result reuse included, sees the same
-- query twice in a row). Pick the scenario with the environment variable SCENARIO.
local scenario = os.getenv("SCENARIO") or "papers"
local sorts = {"id", "-id", "published", "-published", "status"}
local statuses = {"", "has_code", "code_gone", "no_code_yet", "no_code_link", "pending"}

local function paper_id()
  local p = math.random(0, 99999)
  local month = math.floor(p * 84 / 100000)
  return string.format("%02d%02d.%05d", 19 + math.floor(month / 12), month % 12 + 1, p)
end

-- a random page (1-100) in a random order, with a random status filter (or none) and a random
-- year filter one time in four (never with NOYEAR set)
local function list_query()
  local q = "page=" .. math.random(1, 100) .. "&sort=" .. sorts[math.random(#sorts)]
  local s = statuses[math.random(#statuses)]
  if s ~= "" then q = q .. "&status=" .. s end
  if os.getenv("NOYEAR") == nil and math.random(4) == 1 then q = q .. "&year=" .. math.random(2019, 2025) end
  return q
end

local builders = {
  papers = function() return "/papers?" .. list_query() end,
  api_papers = function() return "/api/v1/papers?" .. list_query() end,
  papers_host = function() return "/papers?host=github.com&page=" .. math.random(1, 100) end,
  paper = function() return "/papers/" .. paper_id() end,
  api_paper = function() return "/api/v1/papers/" .. paper_id() end,
  repo = function() local r = math.random(0, 14999) return "/repos/github.com/lab" .. r .. "/project" .. r end,
  api_repo = function() local r = math.random(0, 14999) return "/api/v1/repos/github.com/lab" .. r .. "/project" .. r end,
  overview = function() return "/" end,
  summary = function() return "/api/v1/summary" end,
  audits = function() return "/audits?page=" .. math.random(1, 16) end,
  badge = function() return "/badge/" .. paper_id() .. ".svg" end,
  search = function() return "/papers?q=lab" .. math.random(0, 99999) end,
  -- issue 16: a random grouping of the survival page and its API
  survival = function() local by = {"all", "year", "category", "host", "promised", "score"} return "/survival?by=" .. by[math.random(1, 6)] end,
  api_survival = function() local by = {"all", "year", "category", "host", "promised", "score"} return "/api/v1/survival?by=" .. by[math.random(1, 6)] end,
}

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(os.time() + (seed or 0))
end

request = function()
  return wrk.format("GET", builders[scenario]())
end
