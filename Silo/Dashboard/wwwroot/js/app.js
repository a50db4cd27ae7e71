// The shell: picks the page for the path, loads its JSON, renders it, and refreshes every few seconds while the tab
// is visible (nothing is computed on the silos when nobody looks).
import { getJson, AuthRequired, signIn, signOut } from './api.js';
import { h, replace, link } from './dom.js';
import { overviewPage } from './overview.js';
import { grainTablePage } from './tables.js';
import { detailPage } from './detail.js';
import { cloudPage } from './cloud.js';
import { membershipPage } from './membership.js';

const REFRESH_MS = 5000;
const main = document.getElementById('main');
const status = document.getElementById('status');
const banner = document.getElementById('banner');
const orleansLink = document.getElementById('orleans-link');
const signOutButton = document.getElementById('sign-out');

function route(path) {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return overviewPage();
  const [first, ...rest] = parts;
  if (['services', 'nodes', 'routetables'].includes(first)) {
    return rest.length === 0 ? grainTablePage(first) : detailPage(first, rest.join('/'));
  }
  if (first === 'cloud') return cloudPage();
  if (first === 'membership' || first === 'silos') return membershipPage();
  return { title: 'Not found', load: async () => null, mount: root => { replace(root, h('p', {}, 'No such page. ', link('/', 'Overview'))); return () => {}; } };
}

const page = route(location.pathname);
let update = null;
let timer = null;

for (const a of document.querySelectorAll('#nav a')) {
  const href = a.getAttribute('href');
  if (href === '/' ? location.pathname === '/' : location.pathname.startsWith(href)) a.classList.add('active');
}

async function refresh() {
  clearTimeout(timer);
  try {
    const [data, config] = await Promise.all([page.load(), getJson('/api/config')]);
    showBanner(config);
    showLinks(config);
    if (!update) update = page.mount(main);
    update(data);
    status.textContent = `silo ${config.silo} · updated ${new Date().toLocaleTimeString()} · refresh ${REFRESH_MS / 1000} s`;
  } catch (e) {
    if (e instanceof AuthRequired) return showLogin(e);
    status.textContent = `refresh failed: ${e.message}`;
    if (!update) replace(main, h('div', { class: 'error-box' }, e.message));
  }
  if (!document.hidden) timer = setTimeout(refresh, REFRESH_MS);
}

function showBanner(config) {
  replace(banner, config.dryRun
    ? h('div', { class: 'dry-banner', id: 'dry-run-banner' }, 'DRY RUN: the CCM computes plans and changes nothing in the cloud or the cluster. ',
        link('/#pending', 'See the pending plans'))
    : null);
}

// Orleans' own dashboard (silos, grain types, activations) is linked when this silo serves it; signing out is offered
// in token mode, where the browser holds a session.
function showLinks(config) {
  orleansLink.hidden = !config.orleansDashboard;
  if (config.orleansDashboard) orleansLink.setAttribute('href', config.orleansDashboard);
  signOutButton.hidden = config.dashboardAuth !== 'token';
}

function showLogin(error) {
  update = null;
  document.title = 'CCM dashboard: sign in';
  signOutButton.hidden = true;
  const problem = h('p', { id: 'sign-in-problem' }, error.message);
  const box = h('div', { class: 'card' }, h('h1', {}, 'Sign in to the dashboard'), problem, error.hint ? h('p', { class: 'muted' }, error.hint) : null);
  if (error.auth === 'token') {
    const input = h('input', { type: 'password', id: 'token', placeholder: 'bearer token', autocomplete: 'off' });
    const submit = async e => {
      e.preventDefault();
      try {
        await signIn(input.value);
        refresh();
      } catch (failure) {
        replace(problem, failure.message);
      }
    };
    box.append(h('form', { class: 'login', onsubmit: submit }, input, h('button', { type: 'submit' }, 'Sign in')));
  }
  replace(main, box);
  status.textContent = 'not signed in';
}

signOutButton.addEventListener('click', async () => {
  await signOut();
  location.reload();
});

document.addEventListener('visibilitychange', () => { if (!document.hidden) refresh(); });
document.title = `CCM: ${page.title}`;
refresh();
