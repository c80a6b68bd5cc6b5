import { api, session } from './api.js';
import { clear, errorBox } from './dom.js';
import { signInView } from './views/signin.js';
import { alertsView } from './views/alerts.js';
import { alertView } from './views/alert.js';
import { clustersView, clusterView, nodeView, namespaceView } from './views/clusters.js';
import { podView } from './views/pod.js';
import { serviceAccountView } from './views/serviceaccount.js';
import { operatorsView } from './views/operators.js';

// Hash routes, so the silo serves one page and a link to any view can be shared between analysts.
const routes = [
  [/^\/alerts$/, () => alertsView(), 'alerts'],
  [/^\/alerts\/([^/]+)$/, id => alertView(id), 'alerts'],
  [/^\/clusters$/, () => clustersView(), 'clusters'],
  [/^\/clusters\/([^/]+)$/, c => clusterView(c), 'clusters'],
  [/^\/clusters\/([^/]+)\/nodes\/([^/]+)$/, (c, n) => nodeView(c, n), 'clusters'],
  [/^\/clusters\/([^/]+)\/namespaces\/([^/]+)$/, (c, ns) => namespaceView(c, ns), 'clusters'],
  [/^\/clusters\/([^/]+)\/namespaces\/([^/]+)\/pods\/([^/]+)$/, (c, ns, p) => podView(c, ns, p), 'clusters'],
  [/^\/clusters\/([^/]+)\/namespaces\/([^/]+)\/serviceaccounts\/([^/]+)$/, (c, ns, sa) => serviceAccountView(c, ns, sa), 'clusters'],
  [/^\/operators$/, () => operatorsView(), 'operators'],
];

const view = document.getElementById('view');
let stopCurrent = null;

async function render() {
  stopCurrent?.();
  stopCurrent = null;
  const path = (location.hash.replace(/^#/, '') || '/alerts').split('?')[0];
  if (!session.token || !session.who) {
    if (session.token && await restore()) return render();
    showChrome(false);
    clear(view, signInView(onSignedIn).element);
    return;
  }
  showChrome(true);
  for (const [pattern, make, nav] of routes) {
    const match = pattern.exec(path);
    if (match) {
      markNav(nav);
      let parts;
      try {
        parts = match.slice(1).map(decodeURIComponent);
      } catch {
        break;
      }
      const { element, stop } = make(...parts);
      stopCurrent = stop ?? null;
      clear(view, element);
      // Screen readers and keyboards start at the new view's heading, not where the last one left them.
      const heading = view.querySelector('h1');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus({ preventScroll: true });
      return;
    }
  }
  location.hash = '#/alerts';
}

// A silo that is restarting (a network error, a 503) must not sign the user out; a refused token must.
async function restore() {
  try {
    session.who = await api('/api/v1/session');
    return true;
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      session.token = null;
      return false;
    }
    clear(view, errorBox(`The silo did not answer (${error.message}); retrying…`));
    await new Promise(resolve => setTimeout(resolve, 3000));
    return restore();
  }
}

function onSignedIn(who) {
  session.who = who;
  render();
}

function showChrome(signedIn) {
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('session').hidden = !signedIn;
  if (signedIn) {
    const who = session.who;
    document.getElementById('session-name').textContent =
      `${who.name} · ${who.role}${who.cluster ? ` · cluster ${who.cluster}` : ''}`;
    // The silos and shards are the whole cluster's: a token for one cluster does not read them.
    document.querySelector('[data-nav=operators]').hidden = !!who.cluster;
  }
}

function markNav(name) {
  for (const a of document.querySelectorAll('[data-nav]')) {
    const current = a.dataset.nav === name;
    a.classList.toggle('current', current);
    current ? a.setAttribute('aria-current', 'page') : a.removeAttribute('aria-current');
  }
}

document.getElementById('sign-out').addEventListener('click', () => {
  session.token = null;
  session.who = null;
  render();
});
window.addEventListener('vigil:signed-out', () => { session.who = null; render(); });
window.addEventListener('hashchange', render);
render();
