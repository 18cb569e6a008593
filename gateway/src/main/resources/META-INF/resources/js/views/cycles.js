// Cycles: GET /eval/cycles (list and loop completion) and GET /eval/cycles/{n} (steps with their inputs and outputs,
// the lineage of the new pairs, and the gate's decision). Both refresh while a cycle runs.
import { h, dl, section, table, pre, pager } from '../dom.js';
import { api, poll, enc } from '../api.js';
import { DASH, pct, shortId, when, status, offsetOf } from '../format.js';
import { decisionView } from './gate.js';

const LIMIT = 20;
const version = (v) => (v == null ? DASH : h('a', { href: `#/models/${v}` }, `v${v}`));

export async function cyclesView(main, ctx) {
  const offset = offsetOf(ctx.query);
  const box = h('div', {}, h('p', { class: 'hint' }, 'Loading…'));
  main.append(h('h2', {}, 'Improvement cycles'), box);
  const go = (to) => { location.hash = `#/cycles?offset=${Math.max(0, to)}`; };

  async function load() {
    const page = await api('/eval/cycles', { query: { limit: LIMIT, offset }, signal: ctx.signal });
    const cycles = page.items || [];
    const c = page.completion || {};
    box.replaceChildren(
      h('p', {}, `Started ${c.started ?? 0}, completed ${c.completed ?? 0}, promoted ${c.promoted ?? 0}; loop completion rate ${pct(c.loop_completion_rate)}.`),
      table({
        caption: 'Cycles, newest first',
        head: ['Cycle', 'Eval set', 'Status', 'Champion', 'Candidate', 'Focus', 'Promoted?', 'Started', 'Finished', 'Requested by'],
        rows: cycles.map((y) => [h('a', { href: `#/cycles/${y.n}` }, `#${y.n}`), y.datasetId, status(y.status), version(y.promotedVersion),
          version(y.candidateVersion), (y.focusDimensions || []).join(', ') || DASH, y.decision ? (y.decision.promote ? 'yes' : 'no') : DASH,
          when(y.startedAt), y.finishedAt ? when(y.finishedAt) : DASH, y.requestedBy || DASH]),
        empty: 'No cycle yet.',
      }),
      pager('page', offset > 0 && (() => go(offset - LIMIT)), cycles.length === LIMIT && (() => go(offset + LIMIT))),
    );
    return cycles.some((y) => y.status === 'running');
  }
  if (await load()) poll(ctx, 3000, load);
}

/** Links to every run named in a step's inputs or outputs (runId, championRunId, candidateRunId...). */
function runLinks(...values) {
  const ids = new Set();
  const walk = (v, key) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, k));
    else if (typeof v === 'string' && /runid$/i.test(key || '') && /^[0-9a-f-]{36}$/i.test(v)) ids.add(v);
  };
  values.forEach((v) => walk(v));
  return [...ids].map((id) => h('a', { href: `#/runs/${enc(id)}`, class: 'mono' }, `run ${shortId(id)}`));
}

function stepView(s) {
  const links = runLinks(s.inputs, s.outputs);
  return h('li', { class: 'step' },
    h('h4', {}, `${s.step}. ${s.name.replaceAll('_', ' ')} `, status(s.status)),
    dl([
      ['Started', when(s.startedAt)],
      ['Took', s.durationMs != null ? `${(s.durationMs / 1000).toFixed(1)} s` : null],
      ['Error', s.error],
      ['Runs', links.length ? links.flatMap((a, i) => (i ? [', ', a] : [a])) : null],
    ]),
    s.inputs != null ? h('details', {}, h('summary', {}, 'Inputs'), pre(JSON.stringify(s.inputs, null, 2), `Inputs of step ${s.step}`)) : null,
    s.outputs != null ? h('details', {}, h('summary', {}, 'Outputs'), pre(JSON.stringify(s.outputs, null, 2), `Outputs of step ${s.step}`)) : null);
}

export async function cycleView(main, ctx) {
  const n = ctx.params.id;
  const box = h('div', {}, h('p', { class: 'hint' }, 'Loading…'));
  main.append(h('h2', {}, `Cycle #${n}`), box);
  let seen = '';

  async function load() {
    const c = await api(`/eval/cycles/${enc(n)}`, { signal: ctx.signal });
    const running = c.status === 'running';
    const now = JSON.stringify(c);
    if (now === seen) return running;
    seen = now;
    const d = c.decision;
    const s = c.settings || {};
    box.replaceChildren(
      dl([
        ['Eval set', c.datasetId],
        ['Status', status(c.status)],
        ['Champion', version(c.promotedVersion)],
        ['Candidate', version(c.candidateVersion)],
        ['Focus dimensions', (c.focusDimensions || []).join(', ')],
        ['Settings', `mode ${s.mode ?? DASH}, ${s.augmentPairs ?? DASH} new pairs, top ${s.topK ?? DASH} hard cases, seed ${s.seed ?? DASH}`],
        ['Gate check', c.gateCheckId ? h('span', { class: 'mono' }, c.gateCheckId) : null],
        ['Failed step', c.failedStep],
        ['Error', c.error],
        ['Requested by', c.requestedBy],
        ['Owner', c.owner],
        ['Started', when(c.startedAt)],
        ['Finished', c.finishedAt ? when(c.finishedAt) : null],
      ]),
      h('section', { 'data-testid': 'cycle-decision' }, h('h3', {}, 'Decision'),
        d ? [
          h('p', {}, d.promote ? `v${d.candidateVersion} was promoted over v${d.promotedVersion}.` : `v${d.candidateVersion} was rejected; v${d.promotedVersion} stays.`,
            d.interpreterReload ? ` Interpreter: ${d.interpreterReload}` : ''),
          decisionView(d),
        ] : h('p', {}, running ? 'The cycle has not decided yet.' : 'No decision was made.')),
      section('Steps and lineage',
        h('p', { class: 'hint' }, 'Each step with what went in and what came out: the augmentation step names the new pairs\' batches, the evaluations their runs.'),
        h('ol', { class: 'steps' }, (c.steps || []).map(stepView))),
    );
    return running;
  }
  if (await load()) poll(ctx, 3000, load);
}
