-- POST /interpret in the mode named by KOTONE_BENCH_MODE; requests rotate over English and Japanese texts.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("KOTONE_BENCH_KEY")
if key ~= nil and key ~= "" then
  wrk.headers["X-API-Key"] = key
end
local mode = os.getenv("KOTONE_BENCH_MODE") or "rule"
local texts = {
  "Could you write very calm, warm and nostalgic music for a quiet library?",
  "I'd like something energetic, bright and electronic for the village festival.",
  "Please make a simple, acoustic piece for a bakery in the morning.",
  "Something dark, intricate and modern, please, for a rooftop at night.",
  "静かで温かい、懐かしい曲をお願いします。",
  "夕方のカフェで流す、明るくてシンプルな曲を作ってください。",
  "not too loud, a little nostalgic, for a train ride at dusk",
  "An upbeat retro tune with real instruments for a garden party."
}
local i = 0
request = function()
  i = (i % #texts) + 1
  return wrk.format(nil, nil, nil, string.format('{"requestText": "%s", "weather": "rainy", "mode": "%s"}', texts[i], mode))
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f socket_errors=%d non_2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    errors, summary.errors.status))
end
