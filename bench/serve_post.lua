-- wrk script for bench/serve_bench.sh: POST /api/v1/contributions with valid community summaries,
-- each with its own Idempotency-Key (so every request is a new contribution, counted once).
-- Usage: BENCH_RUN_ID=name wrk -s bench/serve_post.lua URL   (keys differ between runs with different names)
local threads = {}
local counter = 0
local run_id = "run"
local thread_id = 0

local text_lengths = {20, 25, 30, 35, 40, 45, 60, 80}
local per_day = {5, 10, 15, 20, 25, 30, 40, 50}
local minutes = {10, 15, 20, 30, 45, 60, 90}
local emoji = {"1F602", "2764-FE0F", "1F44D", "1F60D", "1F62D", "1F64F", "1F60A", "1F525", "1F973", "2728",
               "1F605", "1F923", "1F618", "1F914", "1F389"}
local hours = "[1,0,0,0,0,0,1,3,5,6,6,7,7,6,6,6,6,6,6,6,6,5,4,2]"

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  run_id = os.getenv("BENCH_RUN_ID") or tostring(os.time())
  thread_id = wrk.thread:get("thread_id") or 0
  math.randomseed(os.time() + thread_id)
end

local function pick(list)
  return list[math.random(#list)]
end

function request()
  counter = counter + 1
  local first = math.random(#emoji)
  local top = string.format('"%s","%s"', emoji[first], emoji[(first % #emoji) + 1])
  local body = string.format(
    '{"schema":"chatlens.community_summary","version":1,"top_emoji":[%s],"avg_text_length":%d,' ..
    '"messages_per_active_day":%d,"minutes_per_day":%d,"hour_profile":%s}',
    top, pick(text_lengths), pick(per_day), pick(minutes), hours)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run_id, thread_id, counter),
  }
  return wrk.format("POST", "/api/v1/contributions", headers, body)
end

local failures = 0
function response(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
    if failures <= 3 then
      io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
    end
  end
end
