// One grain: what it is (its kind's facts), what it did (plans with each operation's result), what it said (Events),
// and its activation on the silo that runs it (where it stands in the reconcile loop, its last turn).
import { getJson } from './api.js';
import { h, replace, table, badge, facts, dash, link } from './dom.js';
import { when, clock, seconds } from './format.js';
import { phase, peerErrors } from './common.js';
import { serviceFacts, nodeFacts, routeTableFacts } from './facts.js';

const KIND = {
  services: { title: 'Service', facts: serviceFacts },
  nodes: { title: 'Node', facts: nodeFacts },
  routetables: { title: 'Route table', facts: routeTableFacts },
};

export function detailPage(kind, key) {
  const spec = KIND[kind];
  return {
    title: `${spec.title.toLowerCase()} ${key}`,
    load: () => getJson(`/api/grains/${kind}/${key.split('/').map(encodeURIComponent).join('/')}`).catch(e => {
      if (e.status === 404) return { missing: e.body };
      throw e;
    }),
    mount: root => d => render(root, kind, key, spec, d),
  };
}

function render(root, kind, key, spec, d) {
  const back = link(`/${kind}`, `← all ${kind === 'routetables' ? 'route tables' : kind}`);
  if (d.missing) {
    replace(root, back, h('h1', {}, `${spec.title} ${key}`), peerErrors(d.missing.silos),
      h('div', { class: 'warn-box' }, d.missing.error, h('div', { class: 'sub' }, d.missing.hint)));
    return;
  }
  const s = d.state;
  replace(root, back,
    h('h1', {}, `${spec.title} ${key}`, phase(s.phase)),
    s.reason ? h('p', { id: 'reason' }, s.reason) : null,
    s.lastError ? h('div', { class: 'error-box', id: 'last-error' }, h('strong', {}, 'Last error '), s.lastError.code ? h('code', {}, s.lastError.code) : null,
      ` ${s.lastError.message} `, h('span', { class: 'sub' }, when(s.lastError.at, d.now))) : null,
    h('div', { class: 'grid2' },
      h('div', { class: 'card' }, spec.facts(s, d.now, 'facts')),
      h('div', { class: 'card' }, facts([
        ['runs on silo', h('span', { id: 'runs-on' }, d.silo)], ['last reconciled', when(s.lastReconciledAt, d.now)], ['next resync', when(s.nextReminderAt, d.now)],
      ]))),
    spec.facts(s, d.now, 'tables'),
    h('h2', {}, 'Recent plans'), plans(s.recentPlans, d.now),
    h('h2', {}, 'Recent Events'), events(s.recentEvents, d.now),
    h('h2', {}, 'Activation'), activation(d.activation, d.now));
}

function plans(list, now) {
  if (!list.length) return h('p', { class: 'muted' }, 'No plan yet.');
  return h('div', { id: 'plans' }, list.map((p, i) => h('div', { class: `card${p.dryRun ? ' pending' : ''}` },
    h('div', {}, h('strong', {}, i === 0 ? 'Latest plan' : 'Plan'), ' ', when(p.at, now), ` (${clock(p.at)})`, p.trigger ? ` · woken by ${p.trigger}` : '',
      p.dryRun ? [' ', badge('dry run: not applied', 'dry')] : null),
    p.operations.length === 0 ? h('p', { class: 'muted' }, 'Nothing to do: the cloud matched.') : table([
      { title: '#', num: true, cell: o => p.operations.indexOf(o) + 1 },
      { title: 'Action', cell: o => h('code', {}, o.action) },
      { title: 'Target', cell: o => h('span', { class: 'mono' }, o.target) },
      { title: 'Detail', cell: o => dash(o.detail) },
      { title: 'Result', cell: o => badge(o.outcome === 'NotApplied' ? 'not applied' : o.outcome, o.outcome) },
      { title: 'Error', cell: o => (o.errorCode || o.message ? h('span', {}, o.errorCode ? h('code', {}, o.errorCode) : null, ' ', dash(o.message)) : '—') },
    ], p.operations))));
}

function events(list, now) {
  return table([
    { title: 'When', cell: e => when(e.at, now) },
    { title: 'Type', cell: e => (e.warning ? badge('Warning') : badge('Normal', 'ok')) },
    { title: 'Reason', cell: e => e.reason },
    { title: 'Message', cell: e => e.message },
  ], list, 'No Events.');
}

function activation(a, now) {
  if (!a) return h('p', { class: 'muted', id: 'activation' }, 'Not active now (Orleans deactivates idle grains; their last state stays here).');
  const t = a.lastTurn;
  return h('div', { class: 'card', id: 'activation' }, facts([
    ['state', badge(a.state)], ['activated', `${when(a.activatedAt, now)} (${clock(a.activatedAt)})`], ['turns', a.turns],
    ['signal pending', a.signalPending ? 'yes' : 'no'], ['failures in a row', a.consecutiveFailures], ['next wake', when(a.nextWake, now)],
    ['last turn', t ? `${t.result} in ${seconds((Date.parse(t.ended) - Date.parse(t.started)) / 1000)}, ${when(t.ended, now)}` : '—'],
    ['last turn error', t?.error],
  ]));
}
