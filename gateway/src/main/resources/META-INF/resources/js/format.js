// Number, date and metric formatting. Metrics are on the 0-100 scale; rates are shares (0-1).
import { h, badge } from './dom.js';

export const DASH = '—';
export const DIMENSIONS = ['energy', 'warmth', 'brightness', 'acousticness', 'complexity', 'nostalgia'];
export const SLOTS = ['style', 'instrument', 'mood', 'gimmick'];
export const MODES = ['rule_baseline', 'local_model', 'prompt_baseline', 'fine_tuned', 'auto'];
export const MODE_COLORS = { rule_baseline: '#0b5cad', local_model: '#b3261e', prompt_baseline: '#1e7b34', fine_tuned: '#7a3fb0', auto: '#a35200' };
export const LIVE = new Set(['queued', 'running']);

const none = (v) => v == null || Number.isNaN(Number(v));
export const fixed = (v, d = 2) => (none(v) ? DASH : Number(v).toFixed(d));
export const pct = (v) => (none(v) ? DASH : `${(v * 100).toFixed(1)}%`);
export const signed = (v, d = 2) => (none(v) ? DASH : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(d)}`);
export const interval = (lo, hi, f = signed) => (none(lo) || none(hi) ? DASH : `[${f(lo)}, ${f(hi)}]`);
export const shortId = (id) => (id ? String(id).slice(0, 8) : DASH);

/** Metric kinds: how a value and a delta (candidate minus base) read. */
const KINDS = {
  mae: [(v) => fixed(v, 2), (d) => signed(d, 2)],
  pct: [pct, (d) => (none(d) ? DASH : `${signed(d * 100, 1)} pp`)],
  n1: [(v) => fixed(v, 1), (d) => signed(d, 1)],
  n3: [(v) => fixed(v, 3), (d) => signed(d, 3)],
  n4: [(v) => fixed(v, 4), (d) => signed(d, 4)],
  ms: [(v) => (none(v) ? DASH : `${Math.round(v)} ms`), (d) => (none(d) ? DASH : `${signed(d, 0)} ms`)],
  usd: [(v) => (none(v) ? DASH : `$${Number(v).toFixed(4)}`), (d) => (none(d) ? DASH : `${signed(d, 4)} USD`)],
  int: [(v) => fixed(v, 0), (d) => signed(d, 0)],
};

/** [key, label, kind, better] with better 'low', 'high' or null, in the order the report names them. */
export const METRICS = [
  ['vector_mae', 'Vector MAE', 'mae', 'low'],
  ['json_valid_rate', 'JSON valid rate', 'pct', 'high'],
  ['intent_score_mean', 'Intent score (mean)', 'n1', 'high'],
  ['expectation_pass_rate', 'Expectation pass rate', 'pct', 'high'],
  ['constraint_match_rate', 'Constraint match rate', 'pct', 'high'],
  ['slot_exact_match', 'Slot exact match', 'pct', 'high'],
  ['output_sanity_score', 'Output sanity score', 'n1', 'high'],
  ['r2_score', 'R²', 'n3', 'high'],
  ['mse_raw', 'MSE (raw)', 'n1', 'low'],
  ['mse_norm', 'MSE (normalised)', 'n4', 'low'],
  ['p50_latency_ms', 'p50 latency', 'ms', 'low'],
  ['p95_latency_ms', 'p95 latency', 'ms', 'low'],
  ['cost_per_100_requests_usd', 'Cost per 100 requests', 'usd', 'low'],
  ['samples', 'Samples', 'int', null],
  ['valid_samples', 'Valid samples', 'int', 'high'],
  ['judged_samples', 'Judged samples', 'int', null],
  ['intent_scored_samples', 'Intent-scored samples', 'int', null],
  ['scoring_failed_samples', 'Scoring failed samples', 'int', 'low'],
];
const byKey = Object.fromEntries(METRICS.map((m) => [m[0], m]));
export const metricLabel = (key) => byKey[key]?.[1] || key;
export const metricValue = (key, v) => KINDS[byKey[key]?.[2] || 'n3'][0](v);
export const metricDelta = (key, d) => KINDS[byKey[key]?.[2] || 'n3'][1](d);

/** 'better', 'worse', 'same' or '' for a delta of the metric. */
export function direction(key, d) {
  const better = byKey[key]?.[3];
  if (!better || none(d)) return '';
  if (d === 0) return 'same';
  return (d < 0) === (better === 'low') ? 'better' : 'worse';
}

export function when(iso) {
  if (!iso) return DASH;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : h('time', { datetime: iso, title: iso }, d.toLocaleString());
}

const STATUS_KINDS = {
  completed: 'ok', promoted: 'ok', ok: 'ok', passed: 'ok',
  failed: 'bad', rejected: 'bad',
  queued: 'run', running: 'run',
};
export const status = (s) => badge(s || DASH, STATUS_KINDS[s]);

/** An <option> for an eval set (EvalSet: id, name). */
export const setOption = (s, wanted) => h('option', { value: s.id, selected: s.id === wanted }, s.name && s.name !== s.id ? `${s.name} (${s.id})` : s.id);
export const offsetOf = (query) => Math.max(0, Number.parseInt(query.get('offset') || '0', 10) || 0);

/** ISO instants for the runs filter's date inputs (whole days, UTC). */
export const dayStart = (d) => (d ? `${d}T00:00:00Z` : undefined);
export const dayEnd = (d) => (d ? `${d}T23:59:59.999Z` : undefined);
