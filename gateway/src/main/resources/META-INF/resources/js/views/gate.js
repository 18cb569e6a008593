// The promotion gate's decision (GateDecision / CycleDecision: promote, reasons, target, guards), shared by Cycles
// and Models. Each set result: champion, candidate, delta, ci95, margin, pass, units, better, worse, setAside, aa,
// focus, verdict, championRunId, candidateRunId.
import { h, table, badge } from '../dom.js';
import { enc } from '../api.js';
import { DASH, fixed, interval, metricLabel, metricValue, metricDelta, pct, signed } from '../format.js';

function runLink(id, text) {
  return id ? h('a', { href: `#/runs/${enc(id)}` }, text) : null;
}

function setRow(result, role) {
  const m = result.metric;
  const d = (v) => metricDelta(m, v);
  return [
    result.datasetId,
    role,
    metricLabel(m),
    metricValue(m, result.champion),
    metricValue(m, result.candidate),
    d(result.delta),
    interval(result.ci95?.[0], result.ci95?.[1], d),
    result.margin == null ? DASH : m === 'expectation_pass_rate' ? `${fixed(result.margin * 100, 1)} pp` : fixed(result.margin, 2),
    result.aa ? `${d(result.aa.delta)} ${interval(result.aa.ci95?.[0], result.aa.ci95?.[1], d)}${result.aa.coversZero ? '' : ' (does not cover 0)'}` : DASH,
    `${result.units} (${result.better} better, ${result.worse} worse)`,
    String(result.setAside ?? 0),
    badge(result.pass ? 'pass' : 'fail', result.pass ? 'ok' : 'bad'),
    result.verdict || DASH,
    [runLink(result.championRunId, 'champion'), ' ', runLink(result.candidateRunId, 'candidate')],
  ];
}

/** The candidate shadowed on live traffic beside the champion (decision.live), when the decision weighed it. */
function liveView(live) {
  if (!live) return null;
  const e = live.evidence;
  const x = e.expectations;
  return h('div', { class: 'live', 'data-testid': 'gate-live' },
    h('p', {}, `Live traffic (shadow of v${live.candidateVersion}): `, badge(!live.enough ? 'not enough to judge' : live.pass ? 'pass' : 'fail',
      !live.enough ? 'neutral' : live.pass ? 'ok' : 'bad'),
    ` ${e.requests} shadowed requests; expectations where the rules fire clearly: champion ${pct(x.champion)}, candidate ${pct(x.candidate)}`
      + ` (${x.requests} requests, ${interval(x.ci95?.low, x.ci95?.high)} per request); candidate reads in ${fixed(e.candidateLatencyMs.p95, 3)} ms`
      + ` at p95 (served requests ${fixed(e.servedLatencyMs.p95, 3)} ms)`),
    table({
      caption: 'Candidate minus champion on live requests, per dimension',
      head: ['Dimension', 'Mean', 'Mean absolute', 'p10', 'p50', 'p90'],
      rows: (e.differences || []).map((d) => [d.dimension, signed(d.mean, 1), fixed(d.meanAbsolute, 1), signed(d.p10, 0), signed(d.p50, 0),
        signed(d.p90, 0)]),
    }));
}

export function decisionView(decision) {
  if (!decision) return h('p', {}, 'No decision yet.');
  const sets = [];
  if (decision.target) sets.push(setRow(decision.target, 'target'));
  for (const guard of decision.guards || []) sets.push(setRow(guard, 'guard'));
  const focus = decision.target?.focus || [];
  return h('div', { class: 'decision' },
    h('p', { class: 'verdict' }, 'Promote: ', badge(decision.promote ? 'yes' : 'no', decision.promote ? 'ok' : 'bad')),
    decision.reasons?.length ? h('ul', {}, decision.reasons.map((r) => h('li', {}, r))) : null,
    table({
      caption: 'Target and guards (candidate minus champion, 95% paired bootstrap intervals)',
      head: ['Eval set', 'Role', 'Metric', 'Champion', 'Candidate', 'Delta', '95% interval', 'Margin', 'A/A calibration', 'Units', 'Set aside', 'Pass', 'Verdict', 'Runs'],
      rows: sets,
    }),
    liveView(decision.live),
    focus.length ? table({
      caption: 'Focus dimensions of the target (Holm-adjusted)',
      head: ['Dimension', 'Champion MAE', 'Candidate MAE', 'Delta', 'Interval', 'Confidence', 'p (better)', 'p (worse)', 'Outcome'],
      rows: focus.map((f) => [f.dimension, fixed(f.champion), fixed(f.candidate), metricDelta('vector_mae', f.delta),
        interval(f.ci?.[0], f.ci?.[1]), `${fixed(f.confidence * 100, 1)}%`, fixed(f.pBetter, 4), fixed(f.pWorse, 4),
        f.improved ? 'improved' : f.worsened ? 'worsened' : 'no clear change']),
    }) : null);
}
