import { api, session } from '../api.js';
import { h, errorBox } from '../dom.js';

export function signInView(onSignedIn) {
  const input = h('input', { type: 'password', id: 'token', name: 'token', autocomplete: 'off', placeholder: 'vgl_…', 'aria-label': 'Token', required: true });
  const message = h('div');
  const form = h('form', {
    class: 'panel signin',
    'data-testid': 'signin',
    onsubmit: async event => {
      event.preventDefault();
      message.replaceChildren();
      const token = input.value.trim();
      try {
        const who = await api('/api/v1/session', { token });
        session.token = token;
        onSignedIn(who);
      } catch (error) {
        message.append(errorBox(error.status === 403
          ? 'This token cannot read the dashboard (an ingest token?). Use a viewer or admin token.'
          : error.status === 401 ? 'The token is unknown or revoked.' : error));
      }
    },
  },
  h('h1', {}, 'Sign in'),
  h('p', { class: 'sub' }, 'Paste a viewer or admin token. The silo wrote an admin token to DATA_DIR/credentials.json on first start; ',
    h('code', {}, 'vigil token create --role viewer'), ' makes one that can only read.'),
  input,
  h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
  message);
  queueMicrotask(() => input.focus());
  return { element: form };
}
