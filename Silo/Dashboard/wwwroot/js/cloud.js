// Cloud calls per product+action: traffic, errors by code, throttling, and latency percentiles.
import { getJson } from './api.js';
import { h, replace, table, badge } from './dom.js';
import { when, ms, rate, count } from './format.js';
import { peerErrors } from './common.js';

export function cloudPage() {
  return { title: 'cloud calls', load: () => getJson('/api/cloud/calls'), mount };
}

function mount(root) {
  const search = h('input', { type: 'search', id: 'search', placeholder: 'product, action or error code', value: new URLSearchParams(location.search).get('q') ?? '' });
  const errors = h('div');
  const body = h('div', { id: 'rows' });
  let last = null;
  const draw = () => {
    if (!last) return;
    const q = search.value.trim().toLowerCase();
    const rows = last.actions.filter(a => !q || [a.product, a.action, ...Object.keys(a.errorCodes)].some(f => f.toLowerCase().includes(q)));
    replace(errors, peerErrors(last.silos));
    replace(body, table([
      { title: 'Product', cell: a => a.product },
      { title: 'Action', cell: a => h('code', {}, a.action) },
      { title: 'Calls', num: true, cell: a => count(a.calls) },
      { title: 'Calls/s', num: true, cell: a => rate(a.callsPerSecond) },
      { title: 'Errors', num: true, cell: a => (a.errors ? badge(count(a.errors), 'bad') : '0') },
      { title: 'Throttles', num: true, cell: a => (a.throttles ? badge(count(a.throttles), 'warn') : '0') },
      { title: 'Retries', num: true, cell: a => count(a.retries) },
      { title: 'p50', num: true, cell: a => ms(a.p50Ms) },
      { title: 'p90', num: true, cell: a => ms(a.p90Ms) },
      { title: 'p99', num: true, cell: a => ms(a.p99Ms) },
      { title: 'Error codes', cell: a => codes(a.errorCodes) },
      { title: 'Last call', cell: a => when(a.lastCall, last.now) },
    ], rows, 'No cloud calls yet.'));
  };
  search.addEventListener('input', draw);
  replace(root, h('h1', {}, 'Cloud calls'),
    h('p', { class: 'muted' }, 'Counts since each silo started; latency percentiles over the last 5 minutes (across silos, the worst silo\'s); calls/s since the previous refresh.'),
    errors, h('div', { class: 'toolbar' }, search), body);
  return data => { last = data; draw(); };
}

function codes(map) {
  const entries = Object.entries(map).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? '—' : h('div', {}, entries.map(([code, n]) => h('div', {}, h('code', {}, code), ` × ${count(n)}`)));
}
