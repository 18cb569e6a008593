// Runs: GET /eval/runs with filters (mode, eval set, dates) and paging; refreshes every 2 s while a run on the page
// is queued or running. Two ticked runs open the comparison.
import { h, field, table, pager, showError } from '../dom.js';
import { api, poll, enc } from '../api.js';
import { MODES, LIVE, DASH, fixed, pct, shortId, when, status, dayStart, dayEnd, setOption, offsetOf } from '../format.js';

const LIMIT = 20;

export async function runsView(main, ctx) {
  const q = ctx.query;
  const offset = offsetOf(q);
  const selected = new Map(); // run id -> createdAt

  const setSelect = h('select', { id: 'f-set', name: 'datasetId' }, h('option', { value: '' }, 'All eval sets'));
  const form = h('form', {
    class: 'filters',
    onsubmit(event) {
      event.preventDefault();
      const params = new URLSearchParams();
      for (const [k, v] of new FormData(form)) if (v) params.set(k, v);
      location.hash = `#/runs${params.toString() ? `?${params}` : ''}`;
    },
  },
  field('Mode', h('select', { id: 'f-mode', name: 'mode' }, h('option', { value: '' }, 'All modes'),
    MODES.map((m) => h('option', { value: m, selected: q.get('mode') === m }, m)))),
  field('Eval set', setSelect),
  field('From (UTC day)', h('input', { id: 'f-from', name: 'from', type: 'date', value: q.get('from') || '' })),
  field('To (UTC day)', h('input', { id: 'f-to', name: 'to', type: 'date', value: q.get('to') || '' })),
  h('button', { type: 'submit' }, 'Apply filters'));

  const compareButton = h('button', {
    type: 'button',
    disabled: true,
    onclick() {
      const [base, candidate] = [...selected].sort((a, b) => String(a[1]).localeCompare(String(b[1]))).map(([id]) => id);
      location.hash = `#/compare?base=${enc(base)}&candidate=${enc(candidate)}`;
    },
  }, 'Compare selected runs');
  const selectionHint = h('span', { class: 'hint', id: 'compare-hint' }, 'Tick two runs: the older is the base.');
  const box = h('div', {}, h('p', { class: 'hint' }, 'Loading…'));

  main.append(h('h2', {}, 'Eval runs'), form, h('div', { class: 'toolbar' }, compareButton, selectionHint), box);

  api('/eval/datasets', { query: { limit: 500 }, signal: ctx.signal }).then((page) => {
    const sets = page.items || [];
    const wanted = q.get('datasetId');
    if (wanted && !sets.some((s) => s.id === wanted)) sets.push({ id: wanted, name: wanted });
    setSelect.append(...sets.map((s) => setOption(s, wanted)));
  }).catch(showError);

  function toggle(run, checked) {
    if (checked) selected.set(run.id, run.createdAt);
    else selected.delete(run.id);
    compareButton.disabled = selected.size !== 2;
    selectionHint.textContent = `${selected.size} selected. Tick two runs: the older is the base.`;
  }

  function row(r) {
    const m = r.metrics || {};
    const live = LIVE.has(r.status);
    const { done = 0, total = 0 } = r.progress || {};
    return [
      h('a', { href: `#/runs/${enc(r.id)}`, class: 'mono', id: `run-${r.id}` }, shortId(r.id)),
      h('input', {
        type: 'checkbox', id: `sel-${r.id}`, 'aria-label': `Select run ${shortId(r.id)} to compare`,
        checked: selected.has(r.id), onchange: (e) => toggle(r, e.target.checked),
      }),
      when(r.createdAt),
      r.datasetId,
      r.mode,
      r.modelVersion ?? DASH,
      [status(r.status),
        r.waiting ? h('div', { class: 'hint' }, `waiting for ${r.waiting.dependency}: ${r.waiting.reason || ''} (since `, when(r.waiting.since), ')') : null,
        r.error ? h('div', { class: 'error-text' }, r.error) : null],
      [`${done}/${total}`, live ? h('progress', { value: done, max: total || 1, 'aria-label': `Run ${shortId(r.id)} progress` }) : null],
      fixed(m.vector_mae, 2),
      pct(m.json_valid_rate),
      fixed(m.intent_score_mean, 1),
    ];
  }

  async function load() {
    const page = await api('/eval/runs', {
      signal: ctx.signal,
      query: { mode: q.get('mode'), datasetId: q.get('datasetId'), from: dayStart(q.get('from')), to: dayEnd(q.get('to')), limit: LIMIT, offset },
    });
    const runs = page.items || [];
    const live = runs.some((r) => LIVE.has(r.status));
    const focused = document.activeElement?.id;
    const scrolled = box.querySelector('.table-wrap')?.scrollLeft || 0;
    const go = (to) => {
      const params = new URLSearchParams(q);
      params.set('offset', String(Math.max(0, to)));
      location.hash = `#/runs?${params}`;
    };
    box.replaceChildren(
      live ? h('p', { class: 'hint' }, 'Live: runs in progress refresh every 2 seconds.') : '',
      table({
        caption: runs.length ? `Runs ${offset + 1}–${offset + runs.length}` : 'Runs',
        testid: 'runs-table',
        head: ['Run', 'Select', 'Created', 'Eval set', 'Mode', 'Model', 'Status', 'Progress', 'Vector MAE', 'JSON valid', 'Intent score'],
        rows: runs.map(row),
        rowAttrs: (i) => ({ 'data-testid': 'run-row', 'data-run-id': runs[i].id, 'data-status': runs[i].status }),
        empty: 'No runs match.',
      }),
      pager('page', offset > 0 && (() => go(offset - LIMIT)), runs.length === LIMIT && (() => go(offset + LIMIT))),
    );
    if (focused && !document.activeElement?.id) document.getElementById(focused)?.focus();
    if (scrolled) box.querySelector('.table-wrap').scrollLeft = scrolled;
    return live;
  }

  if (await load()) poll(ctx, 2000, load);
}
