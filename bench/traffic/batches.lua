-- POST /traffic/batches to the dataset service: batches of KOTONE_BENCH_BATCH (500) records, as the interpreter sends
-- them, each with a trace id of its own (so every record is stored).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local size = tonumber(os.getenv("KOTONE_BENCH_BATCH") or "500")
local texts = {
  "Could you write very calm, warm and nostalgic music for a quiet library?",
  "I'd like something energetic, bright and electronic for the village festival.",
  "静かで温かい、懐かしい曲をお願いします。",
  "not too loud, a little nostalgic, for a train ride at dusk"
}
local vector = '{"energy":%d,"warmth":62,"brightness":40,"acousticness":71,"complexity":35,"nostalgia":80}'
local record = '{"traceId":"%s","servedAt":"2026-12-07T12:00:00Z","text":"%s","language":"%s","inputType":"request_text",'
  .. '"weather":"rainy","mode":"auto","servedSource":"local_model","modelVersion":"v1","served":' .. vector
  .. ',"readings":{"rule_baseline":' .. vector .. ',"local_model":' .. vector .. '},"coverage":0.8,"latencyMs":0.41}'
math.randomseed(os.time() * 1000 + math.floor(os.clock() * 1e6))
local function trace()
  return string.format("%08x%08x%08x%08x", math.random(0, 0x7fffffff), math.random(0, 0x7fffffff),
    math.random(0, 0x7fffffff), math.random(0, 0x7fffffff))
end
request = function()
  local records = {}
  for i = 1, size do
    local t = (i % #texts) + 1
    local energy = 20 + (i % 60)
    records[i] = string.format(record, trace(), texts[t], t == 3 and "ja" or "en", energy, energy, energy)
  end
  return wrk.format(nil, nil, nil, '{"records":[' .. table.concat(records, ",") .. ']}')
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT batches=%d records_per_s=%.0f p50_ms=%.1f p99_ms=%.1f errors=%d non_2xx=%d\n",
    summary.requests, summary.requests * size / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
