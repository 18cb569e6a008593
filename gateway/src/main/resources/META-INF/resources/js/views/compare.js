// Compare: GET /eval/runs/compare?base=&candidate= (candidate minus base) beside both runs' metrics
// (GET /eval/runs/{id}): metric deltas, per-dimension MAE deltas, bootstrap intervals, items better and worse.
import { h, field, section, table, fill, extLink, showError } from '../dom.js';
import { api, enc } from '../api.js';
import { DASH, DIMENSIONS, METRICS, fixed, signed, interval, shortId, metricValue, metricDelta, direction } from '../format.js';

export async function compareView(main, ctx) {
  const base = ctx.query.get('base') || '';
  const candidate = ctx.query.get('candidate') || '';
  const baseSelect = h('select', { id: 'cmp-base', name: 'base', required: true }, h('option', { value: '' }, 'Choose a run'));
  const candidateSelect = h('select', { id: 'cmp-candidate', name: 'candidate', required: true }, h('option', { value: '' }, 'Choose a run'));
  const form = h('form', {
    class: 'filters',
    onsubmit(event) {
      event.preventDefault();
      location.hash = `#/compare?base=${enc(baseSelect.value)}&candidate=${enc(candidateSelect.value)}`;
    },
  }, field('Base run', baseSelect), field('Candidate run', candidateSelect), h('button', { type: 'submit' }, 'Compare'));
  const result = h('div');
  main.append(h('h2', {}, 'Compare runs'), h('p', { class: 'hint' }, 'Both runs must be completed and on the same eval set.'), form, result);

  api('/eval/runs', { query: { limit: 100 }, signal: ctx.signal }).then((page) => {
    const runs = (page.items || []).filter((r) => r.status === 'completed');
    for (const [select, wanted] of [[baseSelect, base], [candidateSelect, candidate]]) {
      if (wanted && !runs.some((r) => r.id === wanted)) select.append(h('option', { value: wanted, selected: true }, wanted));
      select.append(...runs.map((r) => h('option', { value: r.id, selected: r.id === wanted },
        `${shortId(r.id)} · ${r.mode} · ${r.datasetId} · ${new Date(r.createdAt).toLocaleString()}`)));
    }
  }).catch(showError);

  if (!base || !candidate) return;
  await fill(result, async () => {
    const [cmp, b, c] = await Promise.all([
      api('/eval/runs/compare', { query: { base, candidate }, signal: ctx.signal }),
      api(`/eval/runs/${enc(base)}`, { signal: ctx.signal }),
      api(`/eval/runs/${enc(candidate)}`, { signal: ctx.signal }),
    ]);
    const bm = b.metrics || {};
    const cm = c.metrics || {};
    const deltas = cmp.metricDeltas || {};
    const out = [h('p', {}, `Eval set ${cmp.datasetId}: ${cmp.itemsCompared} items compared — ${cmp.itemsBetter} better, `
      + `${cmp.itemsWorse} worse, ${cmp.itemsUnchanged} unchanged (candidate ${shortId(candidate)} against base ${shortId(base)}).`)];
    const mae = cmp.maeDeltaBootstrap95;
    if (mae) out.push(h('p', { class: 'verdict' }, `Vector MAE delta ${signed(mae.meanDelta)}, 95% interval ${interval(mae.low, mae.high)} `
      + `(${mae.resamples} paired bootstrap resamples): ${verdict(mae, true)}.`));
    const pass = cmp.passRateDeltaBootstrap95;
    if (pass) out.push(h('p', { class: 'verdict' }, `Expectation pass rate delta ${metricDelta('expectation_pass_rate', pass.meanDelta)} over `
      + `${cmp.checksCompared} checks, 95% interval ${interval(pass.low, pass.high, (v) => metricDelta('expectation_pass_rate', v))}: ${verdict(pass, false)}.`));
    out.push(table({
      caption: 'Metrics: base, candidate and candidate minus base',
      testid: 'compare-table',
      head: ['Metric', 'Base', 'Candidate', 'Delta', 'Change'],
      rows: METRICS.filter(([k]) => k in deltas || bm[k] != null || cm[k] != null)
        .map(([k, label]) => [label, metricValue(k, bm[k]), metricValue(k, cm[k]), metricDelta(k, deltas[k]), direction(k, deltas[k])]),
    }));
    const dims = cmp.maeByDimensionDeltas || {};
    out.push(table({
      caption: 'MAE by dimension',
      head: ['Dimension', 'Base', 'Candidate', 'Delta', 'Change'],
      rows: DIMENSIONS.map((d) => [d, fixed(bm.mae_raw_by_dim?.[d]), fixed(cm.mae_raw_by_dim?.[d]), signed(dims[d]), direction('vector_mae', dims[d])]),
    }));
    out.push(section(`Items better (${cmp.itemsBetter})`, items(cmp.better, 'Items whose error fell (first 50)')));
    out.push(section(`Items worse (${cmp.itemsWorse})`, items(cmp.worse, 'Items whose error rose (first 50)')));
    return out;
  });
}

function verdict(ci, lowerIsBetter) {
  if (ci.high < 0) return lowerIsBetter ? 'the candidate is better' : 'the candidate is worse';
  if (ci.low > 0) return lowerIsBetter ? 'the candidate is worse' : 'the candidate is better';
  return 'no clear difference (the interval covers 0)';
}

function items(list, caption) {
  return table({
    caption,
    head: ['Item', 'Request text', 'Base MAE', 'Candidate MAE', 'Trace'],
    rows: (list || []).map((i) => [String(i.itemNo), h('span', { class: 'text' }, i.requestText), fixed(i.baseMae), fixed(i.candidateMae),
      extLink(i.traceUrl, 'Trace', `Trace of item ${i.itemNo}`) || DASH]),
  });
}
