import { api } from '../api.js';
import { h, clear, when, table, errorBox } from '../dom.js';

const REFRESH_MS = 2000;

// The operators' page: silos, shards per silo, activations and event rates, refreshed while it is open.
export function operatorsView() {
  const silos = h('div', {}, h('p', { class: 'notice' }, 'Loading…'));
  const shards = h('div');
  const message = h('div');
  let timer = null;
  let stopped = false;

  async function refresh() {
    try {
      const [siloList, shardList] = await Promise.all([api('/api/v1/silos'), api('/api/v1/shards')]);
      if (stopped) return;
      message.replaceChildren();
      clear(silos, table(['Silo', 'Address', 'Status', 'Shards', 'Activations', 'Calls/s', 'Events/s', 'Events accepted', 'Heartbeat'],
        siloList.map(s => h('tr', { 'data-testid': 'silo-row' },
          h('td', { class: 'mono' }, s.id, s.answering ? h('span', { class: 'notice' }, ' (this silo)') : null),
          h('td', { class: 'mono' }, s.address),
          h('td', {}, s.status),
          h('td', {}, s.shardsOwned),
          h('td', {}, s.activations),
          h('td', {}, s.callsPerSecond == null ? '—' : s.callsPerSecond.toFixed(1)),
          h('td', { 'data-testid': 'events-per-second' }, s.eventsPerSecond == null ? '—' : s.eventsPerSecond.toFixed(1)),
          h('td', {}, s.eventsAccepted ?? '—'),
          h('td', {}, s.heartbeatAt ? when(s.heartbeatAt) : '—')))));
      clear(shards, shardBars(shardList));
    } catch (error) {
      clear(message, errorBox(error));
    }
    if (!stopped) timer = setTimeout(refresh, REFRESH_MS);
  }
  refresh();

  const element = h('section', {},
    h('h1', {}, 'Operators'),
    h('p', { class: 'sub' }, `Silos and shard ownership, refreshed every ${REFRESH_MS / 1000} s. Event rates are the answering silo's own.`),
    message,
    h('h2', {}, 'Silos'), silos,
    h('h2', {}, 'Shards per silo'), shards);
  return { element, stop: () => { stopped = true; clearTimeout(timer); } };
}

function shardBars(list) {
  const owners = new Map();
  for (const s of list) owners.set(s.owner ?? '(unowned)', (owners.get(s.owner ?? '(unowned)') ?? 0) + 1);
  const total = list.length || 1;
  return h('div', { class: 'panel bars', 'data-testid': 'shard-bars' }, [...owners.entries()].sort().map(([owner, count]) => {
    const fill = h('div', { class: 'fill' });
    fill.style.width = `${(count / total) * 100}%`;
    return h('div', { class: 'bar' }, h('span', { class: 'mono' }, owner), h('div', {}, fill), h('span', {}, count));
  }));
}
