// A run: GET /eval/runs/{id} (polled while queued or running), then its headline metrics, MAE by dimension, slices,
// behavioural results, hard cases (GET .../failures?top=20), samples (GET .../samples) and checks (GET .../checks).
import { h, dl, field, section, table, fill, pre, extLink, pager } from '../dom.js';
import { api, poll, enc } from '../api.js';
import { chartHost, bars } from '../charts.js';
import { LIVE, DASH, DIMENSIONS, METRICS, fixed, pct, shortId, when, status, metricValue } from '../format.js';

const trace = (url, item) => extLink(url, 'Trace', `Trace of item ${item}`) || DASH;

export async function runView(main, ctx) {
  const id = ctx.params.id;
  const summary = h('div');
  const rest = h('div');
  main.append(h('h2', {}, 'Run ', h('span', { class: 'mono' }, shortId(id))), summary, rest);
  let detailed = false;

  async function load() {
    const run = await api(`/eval/runs/${enc(id)}`, { signal: ctx.signal });
    const { done = 0, total = 0 } = run.progress || {};
    summary.replaceChildren(dl([
      ['Run id', h('span', { class: 'mono' }, run.id)],
      ['Eval set', run.datasetId],
      ['Mode', run.mode],
      ['Model version', run.modelVersion],
      ['Status', status(run.status)],
      ['Progress', [`${done}/${total} `, LIVE.has(run.status) ? h('progress', { value: done, max: total || 1, 'aria-label': 'Run progress' }) : null]],
      ['Waiting', run.waiting ? [`for ${run.waiting.dependency}: ${run.waiting.reason || ''} since `, when(run.waiting.since)] : null],
      ['Error', run.error],
      ['Price table', run.priceTableVersion],
      ['Item order seed', run.itemOrderSeed],
      ['Created', when(run.createdAt)],
      ['Started', run.startedAt ? when(run.startedAt) : null],
      ['Finished', run.finishedAt ? when(run.finishedAt) : null],
    ]), run.status === 'completed' ? h('p', {}, h('a', { href: `#/compare?base=${enc(run.id)}` }, 'Compare this run with another')) : '');
    if (!LIVE.has(run.status) && !detailed) {
      detailed = true;
      details(run);
    }
    return LIVE.has(run.status);
  }

  function details(run) {
    const m = run.metrics;
    if (m) {
      const byDim = m.mae_raw_by_dim || {};
      const host = chartHost('Bar chart of the vector MAE per dimension; the table below has the values.', 'mae-chart');
      rest.append(
        h('section', { 'data-testid': 'run-metrics' }, h('h3', {}, 'Headline metrics'),
          table({ caption: 'Headline metrics', hideCaption: true, head: ['Metric', 'Value'],
            rows: METRICS.filter(([k]) => m[k] != null).map(([k, label]) => [label, metricValue(k, m[k])]) })),
        section('MAE by dimension', host, table({
          caption: 'MAE by dimension (0-100 scale)', head: ['Dimension', 'MAE'],
          rows: DIMENSIONS.map((d) => [d, fixed(byDim[d])]),
        })),
      );
      bars(host, { labels: DIMENSIONS, values: DIMENSIONS.map((d) => byDim[d] ?? null), format: (v) => v.toFixed(1) }, ctx.signal);
      const slices = run.slices || {};
      rest.append(section('Slices',
        sliceTable('By source type', slices.bySourceType),
        sliceTable('By language', slices.byLanguage)));
      if (m.expectations) rest.append(section('Behavioural results', expectationTable(m.expectations)));
    }
    const failures = h('div');
    const samples = h('div');
    rest.append(section('Hard cases', failures), section('Samples', samples));
    fill(failures, () => hardCases(run.id));
    samplesPanel(samples, run.id);
    if (m?.expectations) {
      const checks = h('div');
      rest.append(section('Behavioural checks', checks));
      checksPanel(checks, run.id);
    }
  }

  async function hardCases(runId) {
    const report = await api(`/eval/runs/${enc(runId)}/failures`, { query: { top: 20 }, signal: ctx.signal });
    return [
      h('p', {}, `Focus dimensions: ${(report.focusDimensions || []).join(', ') || DASH}`),
      table({
        caption: 'The 20 worst samples (invalid answers first, then by MAE)',
        head: ['Item', 'Request text', 'MAE', 'Valid', 'Worst dimensions', 'Error', 'Trace'],
        rows: (report.cases || []).map((c) => [String(c.itemNo), h('span', { class: 'text' }, c.requestText), fixed(c.mae),
          c.valid ? 'yes' : 'no', (c.worstDimensions || []).join(', '), c.error || '', trace(c.traceUrl, c.itemNo)]),
      }),
      h('h4', {}, 'Playbook'),
      pre(report.playbook || '', 'Playbook (markdown source)'),
    ];
  }

  function samplesPanel(box, runId) {
    let sort = 'error_desc';
    let offset = 0;
    const limit = 50;
    const list = h('div');
    const sortSelect = h('select', {
      id: 'sample-sort',
      onchange(e) { sort = e.target.value; offset = 0; load(); },
    }, h('option', { value: 'error_desc' }, 'Largest error first'), h('option', { value: 'error_asc' }, 'Smallest error first'),
    h('option', { value: 'item' }, 'Item number'));
    box.append(h('div', { class: 'filters' }, field('Sort samples by', sortSelect)), list);
    const load = () => fill(list, async () => {
      const page = await api(`/eval/runs/${enc(runId)}/samples`, { query: { sort, limit, offset }, signal: ctx.signal });
      const items = page.items || [];
      return [
        table({
          caption: `Samples ${items.length ? `${offset + 1}–${offset + items.length}` : ''} of ${page.total}`,
          testid: 'samples-table',
          head: ['Item', 'Status', 'Request text', 'Source', 'Language', 'MAE', 'Intent score', 'Served by', 'Latency', 'Note', 'Trace'],
          rows: items.map((s) => [String(s.itemNo), status(s.status), h('span', { class: 'text' }, s.requestText), s.sourceType || DASH,
            s.language || DASH, fixed(s.mae), s.intentScore ?? DASH, [s.servedMode || DASH, s.modelVersion ? ` (${s.modelVersion})` : ''],
            `${Math.round(s.latencyMs)} ms`, s.error || s.parseError || s.fallbackReason || s.scoringError || '', trace(s.traceUrl, s.itemNo)]),
        }),
        pager('samples', offset > 0 && (() => { offset = Math.max(0, offset - limit); load(); }),
          offset + items.length < page.total && (() => { offset += limit; load(); })),
      ];
    });
    load();
  }

  function checksPanel(box, runId) {
    const failing = h('input', { type: 'checkbox', id: 'checks-failing', onchange: () => load() });
    const list = h('div');
    box.append(h('div', { class: 'check-row' }, failing, h('label', { for: 'checks-failing' }, 'Failing checks only')), list);
    const load = () => fill(list, async () => {
      const page = await api(`/eval/runs/${enc(runId)}/checks`, { query: { failing: failing.checked, limit: 200 }, signal: ctx.signal });
      return table({
        caption: 'Behavioural checks (first 200)',
        head: ['Check', 'Item', 'Request text', 'Kind', 'Dimension', 'Language', 'Category', 'Expected', 'Read', 'Passed'],
        rows: (page.items || []).map((c) => [String(c.checkNo), String(c.itemNo), h('span', { class: 'text' }, c.requestText), c.kind,
          c.dimension || DASH, c.language || DASH, c.category || DASH, c.expected, c.read, status(c.passed ? 'passed' : 'failed')]),
      });
    });
    load();
  }

  if (await load()) poll(ctx, 2000, load);
}

function sliceTable(caption, slices) {
  return table({
    caption,
    head: ['Slice', 'Samples', 'Vector MAE', 'JSON valid', 'Intent score', 'Constraint match', 'Pass rate'],
    rows: Object.entries(slices || {}).map(([key, s]) => [key, String(s.samples), fixed(s.vector_mae), pct(s.json_valid_rate),
      fixed(s.intent_score_mean, 1), pct(s.constraint_match_rate), pct(s.expectation_pass_rate)]),
  });
}

function expectationTable(e) {
  const rows = [['all', 'all', e.checks, e.passed, e.passRate]];
  for (const [group, rates] of [['kind', e.byKind], ['dimension', e.byDimension], ['language', e.byLanguage], ['category', e.byCategory]]) {
    for (const [key, r] of Object.entries(rates || {})) rows.push([group, key, r.checks, r.passed, r.passRate]);
  }
  return table({
    caption: 'Expectation pass rates',
    head: ['By', 'Value', 'Checks', 'Passed', 'Pass rate'],
    rowHeader: 1,
    rows: rows.map(([g, k, c, p, r]) => [g, k, String(c), String(p), pct(r)]),
  });
}
