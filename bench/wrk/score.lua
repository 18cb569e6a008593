-- POST /score with one composition; the key comes from KOTONE_BENCH_KEY (empty for direct calls).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("KOTONE_BENCH_KEY")
if key ~= nil and key ~= "" then
  wrk.headers["X-API-Key"] = key
end
wrk.body = [[{"selectedPartsBySlot": {"style": "style_80s_citypop", "instrument": "inst_piano_upright",
  "mood": "mood_rain_ambience", "gimmick": "gimmick_beat_mute"},
  "targetProfile": {"vector": {"energy": 22, "warmth": 62, "brightness": 30, "acousticness": 76,
  "complexity": 34, "nostalgia": 82}, "requiredTags": ["rain", "nostalgic"],
  "optionalTags": ["calm", "acoustic", "citypop_80s", "beat_mute"], "forbiddenTags": ["festival"],
  "constraints": {"preferredStyleTags": ["citypop_80s", "hiphop_90s"],
  "preferredGimmickTags": ["beat_mute", "filter_rise"]}}}]]

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f socket_errors=%d non_2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    errors, summary.errors.status))
end
