-- The trace context of the request that queued a run (through the gateway), linked from every sample's trace.
alter table eval_run add column origin_traceparent text;
