// The dashboard shell: sign-in, navigation by role and hash routing (#/runs, #/runs/<id>, #/compare?base=&candidate=,
// #/cycles, #/cycles/<n>, #/models, #/models/<version>, #/trends, #/traffic, #/try). Each view gets a ctx whose signal aborts
// when the view is left, which cancels its requests, timers and charts.
import { $, h, notify, showError } from './dom.js';
import { onUnauthorized, session } from './api.js';
import { signInView } from './views/signin.js';
import { runsView } from './views/runs.js';
import { runView } from './views/run.js';
import { compareView } from './views/compare.js';
import { cyclesView, cycleView } from './views/cycles.js';
import { modelsView, modelView } from './views/models.js';
import { trendsView } from './views/trends.js';
import { tryView } from './views/try.js';
import { trafficView } from './views/traffic.js';

// [pattern, view, title, role needed]
const ROUTES = [
  ['runs', runsView, 'Runs', 'analyst'],
  ['runs/:id', runView, 'Run', 'analyst'],
  ['compare', compareView, 'Compare', 'analyst'],
  ['cycles', cyclesView, 'Cycles', 'analyst'],
  ['cycles/:id', cycleView, 'Cycle', 'analyst'],
  ['models', modelsView, 'Models', 'analyst'],
  ['models/:id', modelView, 'Model', 'analyst'],
  ['trends', trendsView, 'Trends', 'analyst'],
  ['traffic', trafficView, 'Live traffic', 'analyst'],
  ['try', tryView, 'Try it', 'client'],
];

let controller = null;
let lastPath = null;

function match(path) {
  const parts = path.split('/');
  for (const [pattern, view, title, role] of ROUTES) {
    const want = pattern.split('/');
    if (want.length !== parts.length) continue;
    const params = {};
    if (want.every((w, i) => (w.startsWith(':') ? ((params[w.slice(1)] = decodeURIComponent(parts[i])), true) : w === parts[i]))) {
      return { view, title, role, params };
    }
  }
  return null;
}

function showNav(role, path) {
  const nav = $('#nav');
  nav.hidden = !role;
  for (const item of nav.querySelectorAll('[data-need="analyst"]')) item.hidden = role === 'client';
  const here = `#/${path}`;
  for (const link of nav.querySelectorAll('a')) {
    const current = here === link.getAttribute('href') || here.startsWith(`${link.getAttribute('href')}/`);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function route() {
  const hash = location.hash || '#/';
  if (!hash.startsWith('#/')) return; // e.g. the skip link's #main
  controller?.abort();
  controller = new AbortController();
  const [rawPath, queryString = ''] = hash.slice(2).split('?');
  const view = $('#view');
  const role = session.key ? session.role : null;
  const home = role === 'client' ? 'try' : 'runs';
  const path = rawPath.replace(/\/+$/, '') || home;
  if (path !== lastPath && lastPath !== null) notify('');
  const first = lastPath === null;
  lastPath = path;
  showNav(role, path);
  view.replaceChildren();
  const ctx = {
    signal: controller.signal,
    params: {},
    query: new URLSearchParams(queryString),
    reload: route,
    signedIn: (r) => {
      lastPath = null;
      if (location.hash === `#/${r === 'client' ? 'try' : 'runs'}`) route();
      else location.hash = r === 'client' ? '#/try' : '#/runs';
    },
  };
  if (!role) {
    document.title = 'Sign in · kotone';
    signInView(view, ctx);
    return;
  }
  const found = match(path);
  if (!found) {
    document.title = 'Not found · kotone';
    view.append(h('h2', {}, 'Not found'), h('p', {}, 'No such page. ', h('a', { href: `#/${home}` }, 'Go to the start.')));
    return;
  }
  if (found.role === 'analyst' && role === 'client') {
    location.replace('#/try');
    return;
  }
  ctx.params = found.params;
  document.title = `${found.title} · kotone`;
  try {
    const rendering = found.view(view, ctx);
    if (!first) {
      const heading = view.querySelector('h2');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    }
    await rendering;
  } catch (e) {
    if (e?.name === 'AbortError' || ctx.signal.aborted) return;
    showError(e);
    if (!view.querySelector('h2')) view.append(h('h2', {}, found.title));
    view.append(h('p', { class: 'error-text' }, 'This page could not be loaded.'));
  }
}

function signOut() {
  session.clear();
  lastPath = null;
  notify('Signed out.');
  if (location.hash === '#/') route();
  else location.hash = '#/';
}

onUnauthorized(() => {
  session.clear();
  lastPath = null;
  route().then(() => notify('The API key was refused; sign in again.', 'error'));
});

$('#sign-out').addEventListener('click', signOut);
$('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  $('#main').focus();
});
window.addEventListener('hashchange', route);
route();
