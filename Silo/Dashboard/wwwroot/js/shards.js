// Shards and silos: who holds which shard, how fresh each Lease is, and the recent handovers.
import { getJson } from './api.js';
import { h, replace, table, badge } from './dom.js';
import { age, when, clock } from './format.js';
import { peerErrors } from './common.js';

export function shardsPage() {
  return {
    title: 'shards and silos',
    load: async () => {
      const [shards, silos] = await Promise.all([getJson('/api/shards'), getJson('/api/silos')]);
      return { shards, silos };
    },
    mount: root => d => render(root, d),
  };
}

function render(root, { shards, silos }) {
  const now = shards.now;
  replace(root, h('h1', {}, 'Shards and silos'), peerErrors(shards.silos),
    h('h2', {}, 'Silos'), table([
      { title: 'Silo', cell: s => s.peer.name },
      { title: 'Address', cell: s => s.peer.address ?? '—' },
      { title: 'Identity', cell: s => h('span', { class: 'mono' }, s.summary?.runtime?.identity ?? '—') },
      { title: 'Shards held', num: true, cell: s => s.summary?.runtime?.shardsHeld ?? '—' },
      { title: 'Lease age', num: true, cell: s => age(s.summary?.runtime?.lastLeaseSync, s.summary?.now) },
      { title: 'Started', cell: s => clock(s.summary?.runtime?.startedAt) },
      { title: 'Signals accepted / dropped', num: true, cell: s => (s.summary?.runtime ? `${s.summary.runtime.signalsAccepted} / ${s.summary.runtime.signalsDropped}` : '—') },
      { title: 'Reminders', num: true, cell: s => s.summary?.runtime?.reminders ?? '—' },
      { title: 'Error', cell: s => s.peer.error ?? '—' },
    ], silos.silos),
    h('h2', {}, 'Shards'), table([
      { title: 'Shard', num: true, cell: s => s.shard },
      { title: 'Holder', cell: s => s.holder ?? h('span', { class: 'muted' }, 'released') },
      { title: 'State', cell: s => badge(s.state, s.state === 'Active' ? 'ok' : s.state === 'Draining' ? 'warn' : null) },
      { title: 'Held for', num: true, cell: s => age(s.acquiredAt, now) },
      { title: 'Renewed', cell: s => (s.renewedAt ? when(s.renewedAt, now) : '—') },
      { title: 'Valid until', cell: s => (s.validUntil ? when(s.validUntil, now) : '—') },
      { title: 'Assigned to', cell: s => s.assignedTo ?? '—' },
      { title: 'Transitions', num: true, cell: s => s.transitions },
    ], shards.shards, 'No shards: this silo runs no grain runtime.'),
    h('h2', {}, 'Recent handovers'), table([
      { title: 'Shard', num: true, cell: c => c.shard },
      { title: 'Silo', cell: c => c.silo },
      { title: 'From', cell: c => `${clock(c.from)} (${when(c.from, now)})` },
      { title: 'To', cell: c => (c.to ? `${clock(c.to)} (${when(c.to, now)})` : badge('holding', 'ok')) },
    ], shards.history, 'No shard has moved.'));
}
