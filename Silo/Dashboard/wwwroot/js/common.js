// Pieces several pages share: the silos a cluster answer was assembled from, phase badges, last errors and plans.
import { h, badge, dash } from './dom.js';
import { when } from './format.js';

/** A warning per silo that could not be read; the rest of the page still shows what the others said. */
export function peerErrors(silos) {
  const failed = (silos ?? []).filter(s => s.error);
  return failed.length === 0 ? null : h('div', { class: 'warn-box', id: 'peer-errors' },
    failed.map(s => h('div', {}, h('strong', {}, `Silo ${s.name}`), s.address ? ` (${s.address})` : '', `: ${s.error}`)));
}

export const phase = p => badge(p ?? 'Unknown');

export function lastError(e, now) {
  if (!e) return '—';
  return h('span', { title: e.message }, e.code ? h('code', {}, e.code) : null, e.code ? ' ' : null, shorten(e.message, 90), h('div', { class: 'sub' }, when(e.at, now)));
}

export function lastPlan(p, now) {
  if (!p) return '—';
  return h('span', {}, p.dryRun ? badge('dry run', 'dry') : null, p.dryRun ? ' ' : null,
    `${p.operations} op${p.operations === 1 ? '' : 's'}`,
    p.failed ? [' · ', badge(`${p.failed} failed`, 'bad')] : null,
    p.succeeded ? ` · ${p.succeeded} ok` : null,
    h('div', { class: 'sub' }, when(p.at, now), p.trigger ? ` · ${p.trigger}` : ''));
}

export const withReason = (p, reason) => h('span', {}, phase(p), reason ? h('div', { class: 'sub' }, reason) : null);

export const shorten = (text, max) => (!text ? dash(text) : text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const detailHref = (kind, key) => `/${kind}/${key.split('/').map(encodeURIComponent).join('/')}`;
