import { h, commandLine } from '../dom.js';

// A process tree as nested lists: [{pid, binary, args, user, exited, acting, children: [...]}].
export function processTree(roots) {
  return h('ul', { class: 'tree' }, roots.map(node));
}

function node(p) {
  const classes = ['proc', p.acting ? 'acting' : '', p.exited ? 'exited' : ''].filter(Boolean).join(' ');
  return h('li', { 'data-testid': 'process', 'data-pid': p.pid },
    h('span', { class: classes },
      h('span', { class: 'bin mono' }, p.binary),
      h('span', { class: 'meta mono' }, commandLine('', p.args).trim()),
      h('span', { class: 'meta' }, `pid ${p.pid}${p.user ? ` · ${p.user}` : ''}${p.exited ? ' · exited' : ''}`)),
    p.children?.length ? h('ul', {}, p.children.map(node)) : null);
}

/**
 * Builds the forest from flat records linked by ppid. Children of a parent the pod never saw exec (it started
 * before the sensor, or outside the pod) are gathered under a stand-in for that parent, so siblings stay siblings.
 */
export function forest(processes) {
  const byPid = new Map(processes.map(p => [p.pid, { ...p, children: [] }]));
  const roots = [];
  const unseen = new Map();
  for (const p of byPid.values()) {
    const parent = p.ppid !== p.pid ? byPid.get(p.ppid) : undefined;
    if (parent) {
      parent.children.push(p);
    } else if (p.ppid > 1) {
      if (!unseen.has(p.ppid)) {
        const standIn = { pid: p.ppid, binary: '(parent not seen)', args: [], user: '', children: [] };
        unseen.set(p.ppid, standIn);
        roots.push(standIn);
      }
      unseen.get(p.ppid).children.push(p);
    } else {
      roots.push(p);
    }
  }
  // A reused pid can close a loop (A's parent B, B's parent A), which no root reaches: break each loop at one member.
  const reached = new Set();
  const visit = n => { if (reached.has(n)) return; reached.add(n); n.children.forEach(visit); };
  roots.forEach(visit);
  for (const p of byPid.values()) {
    if (reached.has(p)) continue;
    const parent = byPid.get(p.ppid);
    if (parent) parent.children = parent.children.filter(c => c !== p);
    roots.push(p);
    visit(p);
  }
  return roots;
}
