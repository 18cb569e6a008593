// Trends: for one eval set, GET /eval/runs?datasetId=&limit=200 and each headline metric over time, one line per
// mode; cycles on the set (GET /eval/cycles) are dashed vertical lines.
import { h, field, section, table, showError } from '../dom.js';
import { api, enc } from '../api.js';
import { chartHost, lines, legend } from '../charts.js';
import { MODES, MODE_COLORS, DASH, shortId, when, metricLabel, metricValue, setOption } from '../format.js';

const TREND_METRICS = ['vector_mae', 'json_valid_rate', 'intent_score_mean', 'expectation_pass_rate'];
const RATES = new Set(['json_valid_rate', 'expectation_pass_rate']);

export async function trendsView(main, ctx) {
  const setSelect = h('select', { id: 'trend-set', name: 'datasetId', required: true });
  const form = h('form', {
    class: 'filters',
    onsubmit(event) {
      event.preventDefault();
      location.hash = `#/trends?datasetId=${enc(setSelect.value)}`;
    },
  }, field('Eval set', setSelect), h('button', { type: 'submit' }, 'Show trends'));
  const out = h('div', { 'data-testid': 'trend-chart' });
  main.append(h('h2', {}, 'Trends'), form, out);

  const sets = (await api('/eval/datasets', { query: { limit: 500 }, signal: ctx.signal })).items || [];
  const datasetId = ctx.query.get('datasetId') || sets[0]?.id;
  setSelect.append(...sets.map((s) => setOption(s, datasetId)));
  if (!datasetId) {
    out.append(h('p', {}, 'No eval set is registered.'));
    return;
  }
  const [page, cyclePage] = await Promise.all([
    api('/eval/runs', { query: { datasetId, limit: 200 }, signal: ctx.signal }),
    api('/eval/cycles', { query: { limit: 200 }, signal: ctx.signal }).catch((e) => { showError(e); return { items: [] }; }),
  ]);
  const runs = (page.items || []).filter((r) => r.status === 'completed' && r.metrics)
    .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  const cycles = (cyclePage.items || []).filter((c) => c.datasetId === datasetId && c.startedAt);
  if (!runs.length) {
    out.append(h('p', {}, `No completed run on ${datasetId} yet.`));
    return;
  }
  const modes = MODES.filter((m) => runs.some((r) => r.mode === m));
  const marks = cycles.map((c) => ({ at: c.startedAt, label: `#${c.n}` }));
  out.append(
    h('p', {}, `${runs.length} completed runs on ${datasetId}`, cycles.length ? `; dashed lines mark the start of cycles ${cycles.map((c) => `#${c.n}`).join(', ')}.` : '.'),
    legend(modes.map((m) => ({ label: m, cls: `m-${m}` }))),
  );
  for (const key of TREND_METRICS) {
    if (!runs.some((r) => r.metrics[key] != null)) continue;
    const scale = RATES.has(key) ? 100 : 1;
    const host = chartHost(`Line chart of ${metricLabel(key)} over time, one line per mode; the data table below has the values.`);
    host.dataset.metric = key;
    out.append(section(metricLabel(key) + (RATES.has(key) ? ' (%)' : ''), host));
    lines(host, {
      times: runs.map((r) => r.createdAt),
      series: modes.map((m) => ({
        label: m, color: MODE_COLORS[m], values: runs.map((r) => (r.mode === m && r.metrics[key] != null ? r.metrics[key] * scale : null)),
      })),
      marks,
      format: (v) => (scale === 100 ? `${v}%` : v),
    }, ctx.signal);
  }
  out.append(h('details', {}, h('summary', {}, 'Data table'), table({
    caption: `Completed runs on ${datasetId}, oldest first`,
    head: ['Run', 'Created', 'Mode', 'Model', ...TREND_METRICS.map(metricLabel)],
    rows: runs.map((r) => [h('a', { href: `#/runs/${enc(r.id)}`, class: 'mono' }, shortId(r.id)), when(r.createdAt), r.mode, r.modelVersion ?? DASH,
      ...TREND_METRICS.map((k) => metricValue(k, r.metrics[k]))]),
  })));
}
