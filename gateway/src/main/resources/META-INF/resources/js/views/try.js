// Try it (a client key suffices): POST /interpret {requestText, mode} shows the six dimensions, the sources that
// answered and the recommended parts; the user picks one part per slot (GET /catalog/parts) and POST /score
// {selectedPartsBySlot, targetProfile} shows the score, its breakdown and coaching per slot.
import { h, dl, field, section, table, showError, notify } from '../dom.js';
import { api } from '../api.js';
import { chartHost, bars } from '../charts.js';
import { DASH, DIMENSIONS, SLOTS, fixed, pct } from '../format.js';

export async function tryView(main, ctx) {
  const text = h('textarea', { id: 'try-text', name: 'requestText', rows: 4, maxlength: 2000, required: true, lang: 'en', 'data-testid': 'try-text' });
  const lang = h('select', { id: 'try-lang', onchange: () => text.setAttribute('lang', lang.value) },
    h('option', { value: 'en' }, 'English'), h('option', { value: 'ja' }, 'Japanese (日本語)'));
  const mode = h('select', { id: 'try-mode', name: 'mode' }, ['auto', 'rule', 'local', 'llm'].map((m) => h('option', { value: m }, m)));
  const button = h('button', { type: 'submit' }, 'Interpret');
  const result = h('div', { 'data-testid': 'try-result' });
  let run = null;
  const form = h('form', {
    class: 'stack',
    'data-testid': 'try-form',
    async onsubmit(event) {
      event.preventDefault();
      run?.abort();
      run = new AbortController();
      ctx.signal.addEventListener('abort', () => run.abort());
      button.disabled = true;
      try {
        const answer = await api('/interpret', { method: 'POST', body: { requestText: text.value, mode: mode.value }, signal: run.signal });
        showAnswer(result, answer, lang.value, run.signal);
        notify(`Interpreted by ${answer.meta?.modelSource || 'the interpreter'}; the result follows the form.`);
      } catch (e) {
        showError(e);
      } finally {
        button.disabled = false;
      }
    },
  },
  field('What the customer asks for', text, 'Any language, up to 2000 characters; English and Japanese are understood best.'),
  h('div', { class: 'filters' }, field('Language of the text', lang), field('Mode', mode)),
  button);
  main.append(h('h2', {}, 'Try it'), form, result);

  // say which modes the interpreter can serve now
  api('/interpret/modes', { signal: ctx.signal }).then((m) => {
    for (const { mode: name, available, why } of m.modes || []) {
      const option = mode.querySelector(`option[value="${name}"]`);
      if (option && !available) {
        option.textContent = `${name} (unavailable)`;
        option.title = why;
      }
    }
  }).catch(() => {});
}

function showAnswer(box, answer, lang, signal) {
  const vector = answer.targetProfile?.vector || {};
  const profile = answer.targetProfile || {};
  const meta = answer.meta || {};
  const host = chartHost('Bar chart of the six dimensions (0-100); the table beside it has the values.', 'dimension-chart');
  const tags = (list) => (list?.length ? list.join(', ') : DASH);
  box.replaceChildren(
    h('h3', {}, 'Interpretation'),
    answer.hintToPlayer ? h('p', { class: 'verdict' }, answer.hintToPlayer) : '',
    h('div', { class: 'two' }, host, table({
      caption: 'Target profile: six dimensions (0-100)', head: ['Dimension', 'Value'],
      rows: DIMENSIONS.map((d) => [d, vector[d] ?? DASH]),
    })),
    dl([
      ['Required tags', tags(profile.requiredTags)],
      ['Optional tags', tags(profile.optionalTags)],
      ['Forbidden tags', tags(profile.forbiddenTags)],
      ['Preferred style tags', tags(profile.constraints?.preferredStyleTags)],
      ['Preferred gimmick tags', tags(profile.constraints?.preferredGimmickTags)],
      ['Parts to avoid', tags(profile.constraints?.avoidPartIds)],
    ]),
    section('Who answered',
      dl([
        ['Model source', meta.modelSource],
        ['Model version', meta.modelVersion],
        ['Sources', Object.entries(meta.sources || {}).map(([k, v]) => `${k} ${pct(v)}`).join(', ')],
        ['JSON valid', meta.jsonValid ? 'yes' : 'no'],
        ['Parse error', meta.parseError],
        ['Fallback reason', meta.fallbackReason],
        ['Latency', `${fixed(meta.latencyMs, 0)} ms`],
        ['Cost', meta.costUsd != null ? `$${fixed(meta.costUsd, 6)}` : null],
        ['Trace id', meta.traceId ? h('span', { class: 'mono' }, meta.traceId) : null],
      ]),
      answer.rationale?.length ? [h('h4', {}, 'Rationale'), h('ul', {}, answer.rationale.map((r) => h('li', {}, r)))] : ''),
    partsForm(answer, lang, signal),
  );
  bars(host, { labels: DIMENSIONS, values: DIMENSIONS.map((d) => vector[d] ?? null), max: 100, color: '#1e7b34' }, signal);
}

function partsForm(answer, lang, signal) {
  const recommended = answer.recommended || {};
  const selects = Object.fromEntries(SLOTS.map((slot) => [slot, h('select', { id: `part-${slot}`, name: slot, required: true },
    (recommended[slot] || []).map((id, i) => h('option', { value: id, selected: i === 0 }, `${id} (recommended)`)))]));
  const out = h('div', { 'data-testid': 'score-result' });
  const button = h('button', { type: 'submit' }, 'Score this composition');
  const headers = { 'Accept-Language': lang };
  let names = {};
  api('/catalog/parts', { headers, signal }).then((parts) => {
    names = Object.fromEntries(parts.map((p) => [p.id, p.names?.[lang] || p.name || p.id]));
    for (const slot of SLOTS) {
      const select = selects[slot];
      const chosen = select.value;
      const top = recommended[slot] || [];
      const label = (p) => `${names[p] || p} (${p})`;
      select.replaceChildren(
        h('optgroup', { label: 'Recommended' }, top.map((id) => h('option', { value: id }, label(id)))),
        h('optgroup', { label: 'All parts' }, parts.filter((p) => p.slot === slot && !top.includes(p.id)).map((p) => h('option', { value: p.id }, label(p.id)))),
      );
      select.value = chosen || top[0] || '';
    }
  }).catch(() => {});
  const form = h('form', {
    class: 'stack',
    async onsubmit(event) {
      event.preventDefault();
      button.disabled = true;
      try {
        const selectedPartsBySlot = Object.fromEntries(SLOTS.map((slot) => [slot, selects[slot].value]));
        const score = await api('/score', { method: 'POST', body: { selectedPartsBySlot, targetProfile: answer.targetProfile }, headers, signal });
        showScore(out, score, names);
        notify(`Score ${score.total}, rank ${score.rank}.`);
      } catch (e) {
        showError(e);
      } finally {
        button.disabled = false;
      }
    },
  }, h('div', { class: 'filters' }, SLOTS.map((slot) => field(slot[0].toUpperCase() + slot.slice(1), selects[slot]))), button);
  return section('Compose and score', h('p', { class: 'hint' }, 'One part per slot, prefilled with the recommendations.'), form, out);
}

function showScore(box, s, names) {
  const b = s.breakdown || {};
  const v = s.composedVector || {};
  box.replaceChildren(
    h('h4', {}, 'Score'),
    h('p', { class: 'score' }, h('strong', {}, String(s.total)), ` points, rank ${s.rank} (${s.ruleset} rules)`),
    table({
      caption: 'Breakdown', head: ['Part of the score', 'Points'],
      rows: [['Vector', b.vectorScore], ['Tags', b.tagScore], ['Preferences', b.preferenceScore], ['Synergy', b.synergyScore],
        ['Anti-synergy penalty', b.antiSynergyPenalty]].map(([k, x]) => [k, String(x ?? DASH)]),
    }),
    table({
      caption: 'Coaching per slot', head: ['Slot', 'Coach says', 'Suggested part'],
      rows: SLOTS.map((slot) => {
        const id = s.suggestedPartsBySlot?.[slot];
        return [slot, s.coachFeedbackBySlot?.[slot] || DASH, id ? `${names[id] || id} (${id})` : DASH];
      }),
    }),
    table({ caption: 'Composed vector (0-100)', head: ['Dimension', 'Value'], rows: DIMENSIONS.map((d) => [d, v[d] ?? DASH]) }),
  );
}
