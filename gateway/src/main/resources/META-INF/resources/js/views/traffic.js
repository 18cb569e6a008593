// Live traffic (analyst): what was captured (GET /traffic/summary), its drift from the training data now
// (GET /traffic/drift) and the stored checks that raised an alert (GET /traffic/drift/checks), then the annotation
// queue (GET /annotations/queue): one item at a time, its readings per source, six sliders prefilled with what was
// served and each slider's difference from every source; Save (POST /annotations/{id}/labels), Skip or Flag
// (POST /annotations/{id}/skips) moves on to the next item.
import { h, dl, field, section, table, badge, fill, notify, showError } from '../dom.js';
import { api, enc } from '../api.js';
import { DASH, DIMENSIONS, fixed, pct, signed } from '../format.js';

const counts = (map) => (map && Object.keys(map).length ? Object.entries(map).map(([k, v]) => `${k} ${v}`).join(', ') : DASH);

async function summaryPart(ctx) {
  const s = await api('/traffic/summary', { signal: ctx.signal });
  return dl([
    ['Requests stored', String(s.requests)],
    ['From', s.first || DASH],
    ['To', s.last || DASH],
    ['Languages', counts(s.byLanguage)],
    ['Input types', counts(s.byInputType)],
    ['Served by', counts(s.bySource)],
    ['Modes asked', counts(s.byMode)],
    ['Labelled', `${s.labelled} requests, ${s.labels} labels`],
    ['Kept for', `${s.retentionDays} days`],
  ]);
}

async function driftPart(ctx) {
  const [now, checks] = await Promise.all([api('/traffic/drift', { signal: ctx.signal }),
    api('/traffic/drift/checks', { query: { limit: 5 }, signal: ctx.signal })]);
  const r = now.report;
  const alerts = r.alerts || [];
  return [
    h('p', { 'data-testid': 'drift-verdict' }, !r.decides ? badge('too little to decide', 'neutral') : alerts.length ? badge('drift', 'bad')
      : badge('no drift', 'ok'),
      ` ${r.liveRequests} live requests of the last ${now.windowDays} days against ${now.datasetId || 'no training data'}`
      + ` (${r.trainingRows} training rows), measured in ${now.computeMs} ms.`
      + (r.decides ? '' : ` No alert below ${r.thresholds.minimumLiveRequests} live requests or without training data.`)),
    alerts.length ? h('ul', {}, alerts.map((a) => h('li', {}, a))) : null,
    dl([
      ['Language mix moved by', `${fixed(r.languages.shift, 3)} (threshold ${fixed(r.thresholds.languageShift, 2)})`],
      ['Unseen words', `${pct(r.words.unseenShare)} of ${r.words.liveUnits} (threshold ${pct(r.thresholds.unseenWordShare)})`],
    ]),
    table({
      caption: `Served dimensions against the training labels (Cohen's d; threshold ${fixed(r.thresholds.effectSize, 2)})`,
      head: ['Dimension', 'Live mean', 'Training mean', 'Effect size'],
      rows: r.dimensions.map((d) => [d.dimension, fixed(d.liveMean, 1), fixed(d.trainingMean, 1), signed(d.effectSize, 2)]),
    }),
    table({
      caption: `Stored checks (${checks.drifted} raised an alert)`,
      head: ['Checked', 'Window', 'Live', 'Alerts', 'Cycle started'],
      rows: checks.items.map((c) => [c.checkedAt, `${c.windowDays} days`, String(c.report.liveRequests),
        c.report.alerts.length ? c.report.alerts.join('; ') : 'none', c.cycleStarted || DASH]),
      empty: 'No check stored yet (daily, or POST /api/v1/traffic/drift/checks).',
    }),
  ];
}

function labeller(ctx, box) {
  let queue = [];

  async function next() {
    if (!queue.length) {
      queue = (await api('/annotations/queue', { query: { limit: 10 }, signal: ctx.signal })).items;
    }
    const item = queue.shift();
    if (!item) {
      box.replaceChildren(h('p', { 'data-testid': 'queue-empty' }, 'Nothing left to label: every open live request is labelled, skipped or flagged.'));
      return;
    }
    show(item);
  }

  async function act(button, work, said) {
    button.disabled = true;
    try {
      await work();
      notify(said);
      await next();
    } catch (e) {
      showError(e);
      button.disabled = false;
    }
  }

  function show(item) {
    const sources = Object.keys(item.readings || {});
    const sliders = {};
    const diffs = {};
    for (const d of DIMENSIONS) {
      const value = item.served?.[d] ?? 50;
      sliders[d] = h('input', { type: 'range', id: `label-${d}`, min: 0, max: 100, step: 1, value, 'data-testid': `slider-${d}`,
        oninput: () => update(d) });
      diffs[d] = h('output', { for: `label-${d}`, 'data-testid': `diff-${d}` });
    }
    function update(d) {
      const v = Number(sliders[d].value);
      diffs[d].textContent = `${v} — ` + sources.map((s) => `${s} ${signed(v - item.readings[s][d], 0)}`).join(', ');
    }
    DIMENSIONS.forEach(update);
    const save = h('button', { type: 'button', 'data-testid': 'label-save' }, 'Save label');
    const skip = h('button', { type: 'button', class: 'secondary' }, 'Skip');
    const flag = h('button', { type: 'button', class: 'secondary' }, 'Flag');
    const reason = h('input', { id: 'flag-reason', maxlength: 500 });
    save.addEventListener('click', () => act(save, () => api(`/annotations/${enc(item.itemId)}/labels`, { method: 'POST',
      body: { vector: Object.fromEntries(DIMENSIONS.map((d) => [d, Number(sliders[d].value)])) } }), `Label saved for item ${item.itemId}.`));
    skip.addEventListener('click', () => act(skip, () => api(`/annotations/${enc(item.itemId)}/skips`, { method: 'POST',
      body: { flag: false } }), `Item ${item.itemId} skipped.`));
    flag.addEventListener('click', () => act(flag, () => api(`/annotations/${enc(item.itemId)}/skips`, { method: 'POST',
      body: { flag: true, reason: reason.value || null } }), `Item ${item.itemId} flagged: no one will be asked to label it.`));
    box.replaceChildren(
      h('blockquote', { lang: item.language === 'ja' ? 'ja' : 'en', 'data-testid': 'queue-text' }, item.text),
      dl([['Item', String(item.itemId)], ['Language', item.language], ['Input type', item.inputType || DASH],
        ['Weather', item.weather || DASH], ['Sources disagree by', `${fixed(item.disagreement, 1)} points`],
        ['Unseen words', pct(item.novelty)], ['Labels so far', String(item.labels)]]),
      table({
        caption: 'What each source read',
        head: ['Source', ...DIMENSIONS],
        rows: [['served', ...DIMENSIONS.map((d) => String(item.served[d]))],
          ...sources.map((s) => [s, ...DIMENSIONS.map((d) => String(item.readings[s][d]))])],
      }),
      h('fieldset', { class: 'stack' }, h('legend', {}, 'Your reading (0-100; each line: your value, then its difference from each source)'),
        DIMENSIONS.map((d) => h('div', { class: 'field' }, h('label', { for: `label-${d}` }, d), sliders[d], diffs[d]))),
      h('div', { class: 'filters' }, save, skip, field('Why flag it (optional)', reason), flag));
  }

  return next;
}

export async function trafficView(main, ctx) {
  const summary = h('div', {});
  const drift = h('div', {});
  const queue = h('div', { 'data-testid': 'annotation-queue' });
  main.append(h('h2', {}, 'Live traffic'), section('Captured', summary), section('Drift from the training data', drift),
    section('Label the next request', queue));
  fill(summary, () => summaryPart(ctx));
  fill(drift, () => driftPart(ctx));
  fill(queue, async () => {
    const next = labeller(ctx, queue);
    await next();
    return [...queue.childNodes];
  });
}
