// Sign-in: the user pastes an API key; its role is probed with reads only (see api.probeRole).
import { h, field, showError, notify } from '../dom.js';
import { probeRole, session } from '../api.js';

export function signInView(main, ctx) {
  const input = h('input', {
    id: 'api-key', name: 'apiKey', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'data-testid': 'api-key',
  });
  const button = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', {
    class: 'stack narrow',
    'data-testid': 'sign-in-form',
    async onsubmit(event) {
      event.preventDefault();
      const key = input.value.trim();
      if (!key) return;
      button.disabled = true;
      try {
        const role = await probeRole(key);
        session.save(key, role);
        notify(role === 'client' ? 'Signed in with a client key: only “Try it” is available.' : 'Signed in.');
        ctx.signedIn(role);
      } catch (e) {
        showError(e.status === 401 ? { problem: { detail: 'This API key was not accepted.' } } : e);
        input.focus();
      } finally {
        button.disabled = false;
      }
    },
  }, field('API key', input, 'Kept only in this browser tab (sessionStorage) and sent as the X-API-Key header.'), button);
  main.append(h('h2', {}, 'Sign in'), form);
}
