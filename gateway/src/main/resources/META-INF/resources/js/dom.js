// DOM helpers. Text from the API only ever becomes a Text node (textContent); nothing here parses HTML.

/** h('a', {href: '#/runs', class: 'x', onclick: fn}, 'text', node, [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    if (child instanceof Node) {
      el.append(child);
    } else {
      const text = document.createTextNode('');
      text.textContent = String(child);
      el.append(text);
    }
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key === 'style' || key === 'innerHTML') throw new Error(`h(): ${key} is not allowed`);
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'value' || key === 'checked') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** A labelled control: the control needs an id. */
export function field(label, control, hint) {
  const hintId = hint ? `${control.id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control,
    hint ? h('span', { class: 'hint', id: hintId }, hint) : null);
}

export function section(title, ...children) {
  return h('section', {}, h('h3', {}, title), ...children);
}

/** Definition list of [term, value] pairs; pairs whose value is null or '' are left out. */
export function dl(pairs) {
  return h('dl', { class: 'kv' }, pairs.filter(([, v]) => v != null && v !== '')
    .map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

/**
 * A table in a horizontally scrolling, keyboard-focusable wrapper.
 * rows: arrays of cells (string | Node | array); rowHeader: index of the cell rendered as <th scope="row"> (-1: none).
 */
export function table({ caption, head, rows, testid, rowAttrs, rowHeader = 0, hideCaption = false, empty = 'Nothing to show.' }) {
  const body = rows.length ? rows.map((cells, i) => h('tr', rowAttrs ? rowAttrs(i) : {},
    cells.map((cell, j) => j === rowHeader ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))))
    : h('tr', {}, h('td', { colspan: head.length }, empty));
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { 'data-testid': testid },
      h('caption', { class: hideCaption ? 'sr-only' : null }, caption),
      h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, body)));
}

/** Previous / next buttons; prev and next are click handlers, or null where there is no such page. */
export function pager(noun, prev, next) {
  return h('div', { class: 'pager' },
    h('button', { type: 'button', class: 'secondary', disabled: !prev, onclick: prev }, `Previous ${noun}`),
    h('button', { type: 'button', class: 'secondary', disabled: !next, onclick: next }, `Next ${noun}`));
}

export function badge(text, kind) {
  return h('span', { class: `badge b-${kind || 'neutral'}` }, text);
}

export function pre(text, label) {
  return h('pre', { tabindex: '0', 'aria-label': label }, text);
}

/** An external link, only for http(s) addresses. */
export function extLink(url, text, label) {
  try {
    const u = new URL(url, location.href);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return h('a', { href: u.href, target: '_blank', rel: 'noopener noreferrer', 'aria-label': label }, text);
  } catch {
    return null;
  }
}

// The aria-live notice region at the top of <main>.
export function notify(text, kind = 'info', items = []) {
  const box = document.getElementById('notice');
  box.className = `notice ${text ? kind : ''}`;
  box.replaceChildren(...(text ? [h('p', {}, text)] : []), ...(items.length ? [h('ul', {}, items.map((i) => h('li', {}, i)))] : []));
}

export function errorText(e) {
  return e?.problem?.detail || e?.problem?.title || e?.message || String(e);
}

/** Shows an API problem's detail (and field errors) in the live region; aborted requests are silent. */
export function showError(e) {
  if (e?.name === 'AbortError') return;
  notify(errorText(e), 'error', (e?.problem?.errors || []).map((x) => `${x.field}: ${x.message}`));
}

/** Fills el with what work() returns, showing a loading text meanwhile and the error inline if it fails. */
export async function fill(el, work) {
  el.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
  try {
    el.replaceChildren(...[await work()].flat().filter((n) => n != null));
  } catch (e) {
    if (e?.name === 'AbortError') return;
    el.replaceChildren(h('p', { class: 'error-text' }, `Could not load: ${errorText(e)}`));
  }
}

/** Calls action() after a confirm() and reports its error; the button is disabled meanwhile. */
export async function confirmed(button, question, action) {
  if (!window.confirm(question)) return;
  button.disabled = true;
  try {
    await action();
  } catch (e) {
    showError(e);
  } finally {
    button.disabled = false;
  }
}
