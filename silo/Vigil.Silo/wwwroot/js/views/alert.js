import { api, session, alertsBase, enc } from '../api.js';
import { h, clear, link, severityBadge, statusBadge, when, facts, errorBox, tacticName } from '../dom.js';
import { entityLinks, clusterPath, nodePath, namespacePath, podPath, serviceAccountPath, splitAccount } from './links.js';
import { processTree } from './tree.js';

// One alert: what fired, where, the MITRE mapping, the evidence with each event's process ancestry, and (for
// admins) the status change.
export function alertView(id) {
  const element = h('section', {}, h('p', { class: 'notice' }, 'Loading…'));
  api(`${alertsBase()}/${enc(id)}`)
    .then(alert => clear(element, ...render(alert)))
    .catch(error => clear(element, h('h1', {}, 'Alert'), errorBox(error)));
  return { element };
}

function render(a) {
  const status = h('span', {}, statusBadge(a.status));
  const message = h('div');
  return [
    h('p', {}, link('/alerts', '← Alerts')),
    h('h1', { 'data-testid': 'alert-heading' }, severityBadge(a.severity), ' ', a.title),
    h('p', { class: 'sub' }, entityLinks(a)),
    h('div', { class: 'grid' },
      h('div', { class: 'panel' }, h('h2', {}, 'Alert'), facts([
        ['Status', status],
        ['Rule', h('code', {}, a.ruleId)],
        ['Count', a.count],
        ['First seen', when(a.firstSeen)],
        ['Last seen', when(a.lastSeen)],
        ['Id', h('code', {}, a.id)],
      ]), statusControls(a, status, message), message),
      h('div', { class: 'panel', 'data-testid': 'mitre' }, h('h2', {}, 'MITRE ATT&CK'), facts([
        ['Tactic', a.tactic ? `${tacticName(a.tactic)} (${a.tactic})` : '—'],
        ['Technique', a.technique
          ? h('a', { href: `https://attack.mitre.org/techniques/${a.technique.replace('.', '/')}/`, target: '_blank', rel: 'noopener noreferrer' }, a.technique)
          : '—'],
      ])),
      h('div', { class: 'panel', 'data-testid': 'entities' }, h('h2', {}, 'Entities'), facts(entityFacts(a)))),
    h('h2', {}, `Evidence (${a.evidence.length} event${a.evidence.length === 1 ? '' : 's'})`),
    h('div', { class: 'panel', 'data-testid': 'evidence' }, a.evidence.map(evidence)),
  ];
}

function entityFacts(a) {
  const account = splitAccount(a.serviceAccount);
  return [
    ['Cluster', link(clusterPath(a.cluster), a.cluster)],
    ['Node', a.node && link(nodePath(a.cluster, a.node), a.node)],
    ['Namespace', a.namespace && link(namespacePath(a.cluster, a.namespace), a.namespace)],
    ['Pod', a.pod && a.namespace && link(podPath(a.cluster, a.namespace, a.pod), a.pod, { 'data-testid': 'entity-pod' })],
    ['Container', a.container],
    ['Service account', account && link(serviceAccountPath(a.cluster, ...account), a.serviceAccount, { 'data-testid': 'entity-sa' })],
  ];
}

function evidence(e) {
  const parts = [h('div', {}, h('strong', {}, e.eventType), ' · ', when(e.time), e.errno ? ` · refused (errno ${e.errno})` : '')];
  if (e.detail) parts.push(h('div', { class: 'mono' }, e.detail));
  if (e.output) parts.push(h('pre', { class: 'output' }, e.output.trim()));
  if (e.process && e.process.binary) {
    // Ancestors come nearest first; the tree reads from the oldest down to the process that acted.
    const chain = [...(e.ancestors ?? [])].reverse().map(p => ({ ...p, acting: false }));
    chain.push({ ...e.process, acting: true });
    parts.push(h('div', { 'data-testid': 'ancestry' }, h('div', { class: 'notice' }, 'Process ancestry'), processTree(nest(chain))));
  }
  if (e.audit) {
    const r = e.audit;
    parts.push(facts([
      ['Request', h('code', {}, `${r.verb} ${r.requestUri || [r.resource, r.subresource].filter(Boolean).join('/')}`)],
      ['User', r.user + (r.impersonatedUser ? ` as ${r.impersonatedUser}` : '')],
      ['Source', (r.sourceIps ?? []).join(', ')],
      ['Client', r.userAgent],
      ['Response', r.responseCode || ''],
      ['Audit id', r.auditId && h('code', {}, r.auditId)],
    ]));
  }
  return h('div', { class: 'evidence' }, parts);
}

function nest(chain) {
  let child = null;
  for (let i = chain.length - 1; i >= 0; i--) {
    child = { ...chain[i], children: child ? [child] : [] };
  }
  return child ? [child] : [];
}

const ACTIONS = [['resolved', 'Resolve'], ['dismissed', 'Dismiss'], ['active', 'Reopen']];

function statusControls(a, status, message) {
  const admin = session.who?.canChangeAlerts;
  const buttons = ACTIONS.map(([value, label]) => h('button', {
    type: 'button',
    class: 'action',
    'data-testid': `set-${value}`,
    disabled: !admin || a.status.toLowerCase() === value,
    onclick: async () => {
      message.replaceChildren();
      try {
        const changed = await api(`/api/v1/clusters/${enc(a.cluster)}/alerts/${enc(a.id)}`, { method: 'PATCH', body: { status: value } });
        a.status = changed.status;
        clear(status, statusBadge(changed.status));
        for (const [b, [v]] of buttons.map((b, i) => [b, ACTIONS[i]])) b.disabled = changed.status.toLowerCase() === v;
      } catch (error) {
        message.append(errorBox(error));
      }
    },
  }, label));
  return h('div', { class: 'pager' }, buttons,
    admin ? null : h('span', { class: 'notice', 'data-testid': 'viewer-note' }, 'Viewer tokens cannot change an alert’s status.'));
}
