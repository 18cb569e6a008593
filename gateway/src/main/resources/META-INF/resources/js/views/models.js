// Models: GET /models (registry, promoted version), GET /models/history (alias moves), GET /models/{v} (card with
// guard report), GET /models/{v}/gate-checks. Admin actions, each confirmed: POST /eval/gate-checks then poll
// GET /eval/gate-checks/{id}; POST /models/{v}/promote {gateCheckId}; POST /models/rollback {reason}.
// They are offered to admin keys only (the gateway says a key's role at GET /whoami).
import { h, dl, field, section, table, fill, badge, notify, confirmed, showError } from '../dom.js';
import { api, poll, enc, session } from '../api.js';
import { DASH, DIMENSIONS, LIVE, fixed, when, status, shortId, setOption } from '../format.js';
import { decisionView } from './gate.js';

const canAct = () => session.role === 'admin';

export async function modelsView(main, ctx) {
  main.append(h('h2', {}, 'Models'));
  const page = await api('/models', { query: { limit: 100 }, signal: ctx.signal });
  const models = page.items || [];
  main.append(
    h('p', {}, page.promoted != null ? ['Promoted: ', h('a', { href: `#/models/${page.promoted}` }, `v${page.promoted}`)] : 'No model is promoted yet.'),
    table({
      caption: 'Registered model versions, newest first',
      testid: 'models-table',
      head: ['Version', 'Promoted', 'Method', 'Dataset', 'Test MAE', 'Valid MAE', 'Train rows', 'Guard report', 'Created'],
      rows: models.map((m) => [h('a', { href: `#/models/${m.version}` }, `v${m.version}`), m.promoted ? badge('promoted', 'ok') : '',
        m.method, m.datasetId, fixed(m.metrics?.test?.vectorMae), fixed(m.metrics?.valid?.vectorMae), m.hyperparameters?.trainRows ?? DASH,
        m.guardReport ? status(m.guardReport.status) : DASH, when(m.createdAt)]),
      empty: 'No model is registered.',
    }),
  );
  if (canAct()) {
    const reason = h('input', { id: 'rollback-reason', type: 'text', maxlength: 1000 });
    const button = h('button', { type: 'submit', class: 'danger' }, 'Roll back to the previous champion');
    main.append(section('Roll back (admin)', h('form', {
      class: 'filters',
      onsubmit(event) {
        event.preventDefault();
        confirmed(button, 'Return the promoted model to the previous champion?', async () => {
          const done = await api('/models/rollback', { method: 'POST', body: { reason: reason.value.trim() || null } });
          notify(`Rolled back: v${done.model?.version} is promoted.`);
          ctx.reload();
        });
      },
    }, field('Reason (kept in the history)', reason), button)));
  }
  const history = h('div');
  main.append(section('Promotion history', history));
  fill(history, async () => {
    const moves = (await api('/models/history', { query: { limit: 50 }, signal: ctx.signal })).items || [];
    return table({
      caption: 'Moves of the promoted version, newest first',
      head: ['Move', 'Version', 'From', 'Kind', 'By', 'Reason', 'Gate check', 'When'],
      rows: moves.map((m) => [String(m.id), `v${m.version}`, m.previousVersion != null ? `v${m.previousVersion}` : DASH, m.kind, m.movedBy || DASH,
        m.reason || DASH, m.gateCheckId ? h('span', { class: 'mono' }, shortId(m.gateCheckId)) : DASH, when(m.movedAt)]),
      empty: 'No move yet.',
    });
  });
}

function splitTable(caption, r) {
  if (!r) return null;
  return [
    h('p', {}, `${caption}: vector MAE ${fixed(r.vectorMae)} over ${r.rows} rows (best constant: ${fixed(r.constantBaselineMae)}).`),
    table({
      caption: `${caption}: MAE by dimension, source type and language`,
      head: ['Slice', 'MAE'],
      rows: [...DIMENSIONS.map((d) => [d, fixed(r.maeByDimension?.[d])]),
        ...Object.entries(r.maeBySourceType || {}).map(([k, v]) => [`source ${k}`, fixed(v)]),
        ...Object.entries(r.maeByLanguage || {}).map(([k, v]) => [`language ${k}`, fixed(v)])],
    }),
  ];
}

export async function modelView(main, ctx) {
  const v = String(ctx.params.id).replace(/^v/, '');
  const heading = h('h2', {}, `Model v${v} `);
  main.append(heading);
  const m = await api(`/models/${enc(v)}`, { signal: ctx.signal });
  if (m.promoted) heading.append(badge('promoted', 'ok'));
  const hp = m.hyperparameters || {};
  const f = m.features || {};
  const metrics = m.metrics || {};
  const g = m.guardReport;
  main.append(
    dl([
      ['Method', m.method],
      ['Dataset', m.datasetId],
      ['Training time', `${((m.trainingMs || 0) / 1000).toFixed(1)} s`],
      ['Weights', `${m.weightsBytes} bytes, sha256 ${m.weightsSha256}`],
      ['Promoted at', m.promotedAt ? when(m.promotedAt) : null],
      ['Created', when(m.createdAt)],
      ['Hyperparameters', `output step ${hp.outputStep}, hash bits ${hp.hashBits}, ${hp.folds} folds, seed ${hp.seed}, ${hp.trainRows} train rows, latency budget ${hp.latencyBudgetMicros} µs`],
      ['Penalties (λ)', Object.entries(hp.lambdas || {}).map(([k, x]) => `${k} ${x}`).join(', ')],
      ['Source weights', Object.entries(hp.sourceWeights || {}).map(([k, x]) => `${k} ${x}`).join(', ')],
      ['Features', `rules: ${f.rules}; ${f.partIds} part ids; n-grams: ${f.ngrams}; embedding: ${f.embedding}; vocabulary ${f.vocabulary}`],
    ]),
    section('Test and validation', splitTable('Test split', metrics.test), splitTable('Validation split', metrics.valid),
      table({
        caption: 'Test split by serving mode',
        head: ['Mode', 'Rows', 'Vector MAE', 'Best constant'],
        rows: Object.entries(metrics.testByMode || {}).map(([k, r]) => [k, String(r.rows), fixed(r.vectorMae), fixed(r.constantBaselineMae)]),
      }),
      table({
        caption: 'Methods compared (cross-validated on the train split)',
        head: ['Method', 'CV RMSE', 'Latency per text', 'Left out because'],
        rows: (metrics.candidates || []).map((c) => [c.method, fixed(c.crossValidatedRmse), `${fixed(c.latencyMicros, 0)} µs`, c.excluded || DASH]),
      })),
    section('Guard report', g ? [
      h('p', {}, 'Status ', status(g.status), ' at ', when(g.at), g.error ? ` — ${g.error}` : ''),
      table({
        caption: 'Every guard in the rule, local and auto modes',
        head: ['Eval set', 'Metric', 'Rule', 'Local', 'Auto', 'Best single', 'Auto minus best', '95% interval', 'Auto no worse'],
        rows: (g.guards || []).map((r) => [r.datasetId, r.metric, fixed(r.rule), fixed(r.local), fixed(r.auto), r.bestSingle, fixed(r.autoVsBest),
          `[${fixed(r.ciLow)}, ${fixed(r.ciHigh)}]`, badge(r.autoNoWorse ? 'yes' : 'no', r.autoNoWorse ? 'ok' : 'bad')]),
      }),
    ] : h('p', {}, 'Not measured yet.')),
  );
  const checks = h('div');
  main.append(section('Gate checks', checks));
  const loadChecks = () => fill(checks, async () => {
    const list = (await api(`/models/${enc(v)}/gate-checks`, { signal: ctx.signal })).items || [];
    return table({
      caption: `Gate checks of v${m.version}, newest first`,
      head: ['Check', 'Champion', 'Target set', 'Passed', 'Failing sets', 'Decided', 'Action'],
      rows: list.map((c) => [h('span', { class: 'mono' }, shortId(c.checkId)), c.championVersion != null ? `v${c.championVersion}` : DASH, c.targetSetId,
        badge(c.passed ? 'passed' : 'failed', c.passed ? 'ok' : 'bad'), (c.failingSets || []).join(', ') || DASH, when(c.decidedAt),
        c.passed && !m.promoted && canAct() ? promoteButton(m.version, c.checkId, ctx) : '']),
      empty: 'No gate check yet.',
    });
  });
  loadChecks();
  if (canAct() && !m.promoted) {
    const first = h('div');
    main.append(section('Promote through a gate check (admin)', gateForm(m.version, ctx), first));
    api('/models', { query: { limit: 1 }, signal: ctx.signal }).then((page) => {
      if (page.promoted == null) first.append(h('p', {}, 'No model is promoted yet: the first promotion needs no gate check. '), promoteButton(m.version, null, ctx));
    }).catch(() => {});
  }
}

function promoteButton(version, gateCheckId, ctx) {
  const button = h('button', {
    type: 'button',
    onclick: () => confirmed(button, `Promote v${version}${gateCheckId ? ` through gate check ${shortId(gateCheckId)}` : ''}? The interpreter will serve it.`, async () => {
      const done = await api(`/models/${version}/promote`, { method: 'POST', body: gateCheckId ? { gateCheckId } : {} });
      notify(`v${done.model?.version} is promoted (${done.move?.kind}).`);
      ctx.reload();
    }),
  }, `Promote v${version}`);
  return button;
}

function gateForm(version, ctx) {
  const set = h('select', { id: 'gate-set', required: true }, h('option', { value: '' }, 'Choose an eval set'));
  const button = h('button', { type: 'submit' }, 'Run gate check');
  const out = h('div');
  api('/eval/datasets', { query: { limit: 500 }, signal: ctx.signal })
    .then((page) => set.append(...(page.items || []).map((s) => setOption(s))))
    .catch(showError);
  const form = h('form', {
    class: 'filters',
    onsubmit(event) {
      event.preventDefault();
      if (!set.value) return;
      confirmed(button, `Judge v${version} against the champion on ${set.value} and every guard? This starts eval runs.`, async () => {
        const started = await api('/eval/gate-checks', { method: 'POST', body: { candidateVersion: version, datasetId: set.value } });
        const show = (check) => {
          out.replaceChildren(h('p', {}, `Gate check ${shortId(check.id)}: `, status(check.status), check.error ? ` — ${check.error}` : ''),
            check.decision ? decisionView(check.decision) : '',
            check.status === 'completed' && check.promote ? promoteButton(version, check.id, ctx) : '');
          const live = LIVE.has(check.status);
          if (!live) notify(`Gate check ${shortId(check.id)} ${check.status}${check.decision ? (check.promote ? ': the candidate may be promoted.' : ': promotion refused.') : '.'}`);
          return live;
        };
        if (show(started)) poll(ctx, 2000, async () => show(await api(`/eval/gate-checks/${enc(started.id)}`, { signal: ctx.signal })));
      });
    },
  }, field('Target eval set', set, 'The candidate must improve on it; every guard is judged too.'), button);
  return [form, out];
}
