// Router and role-fitted navigation. Every clinical number on these pages comes from the server.
import { loadSession, currentSession } from './api.js';
import { h, errorBox, problemText, fill } from './ui.js';
import { boardView } from './board.js';
import { episodeView } from './episode.js';
import { orderView } from './order.js';
import { verifyView } from './verify.js';
import { outcomesView, integrityView } from './research.js';

const PAGES = {
  board: { label: 'Ward board', roles: ['NURSE', 'PAIN_PHYSICIAN', 'PHARMACIST'], view: boardView },
  order: { label: 'Order ketamine', roles: ['PAIN_PHYSICIAN'], view: orderView },
  verify: { label: 'Pharmacy verification', roles: ['PHARMACIST'], view: verifyView },
  outcomes: { label: 'Outcomes', roles: ['RESEARCHER'], view: outcomesView },
  integrity: { label: 'Record integrity', roles: ['ADMIN'], view: integrityView },
  episode: { roles: ['NURSE', 'PAIN_PHYSICIAN', 'PHARMACIST'], view: episodeView },
};
const HOME = { NURSE: 'board', PAIN_PHYSICIAN: 'board', PHARMACIST: 'verify', RESEARCHER: 'outcomes', ADMIN: 'integrity' };

export function hasRole(...roles) {
  const s = currentSession();
  return !!s && (s.roles || []).some((r) => roles.includes(r));
}

let timer = null;
export function refreshEvery(ms, fn) {
  clearInterval(timer);
  timer = setInterval(fn, ms);
}

let generation = 0;
async function route() {
  clearInterval(timer);
  const mine = ++generation;
  const main = document.getElementById('main');
  const s = currentSession();
  const [name, ...args] = (location.hash.replace(/^#\/?/, '') || '').split('/');
  const home = HOME[(s.roles || [])[0]] || 'board';
  const page = PAGES[name] ? name : home;
  if (!PAGES[name]) { location.replace('#/' + home); return; }
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.dataset.page === page) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  if (!hasRole(...PAGES[page].roles)) {
    fill(main, h('h1', {}, 'Not for your role'),
      h('p', {}, 'Your role cannot open this page. '), h('a', { href: '#/' + home }, 'Go to your start page'));
    return;
  }
  // Each visit renders into its own container, so a slow page the user has left cannot
  // overwrite the page they went to.
  const view = h('div', { class: 'view' });
  fill(main, view);
  try {
    await PAGES[page].view(view, ...args);
  } catch (e) {
    if (mine !== generation) return;
    console.error(e);
    fill(view, h('h1', {}, 'This page could not be shown'), errorBox(problemText(e)),
      h('p', {}, h('a', { href: '#/' + home }, 'Back to your start page')));
  }
  if (mine === generation) main.focus({ preventScroll: true });
}

async function start() {
  const s = await loadSession();
  if (!s.signedIn) { location.replace('/login'); return; }
  document.getElementById('who').textContent = `${s.username} (${(s.roles || []).join(', ').replace('_', ' ').toLowerCase()})`;
  document.getElementById('zone').textContent = s.timeZone;
  const lc = document.getElementById('logout-csrf');
  lc.name = s.csrfParameter; lc.value = s.csrfToken;
  const nav = document.getElementById('nav');
  fill(nav, h('ul', {}, Object.entries(PAGES)
    .filter(([, p]) => p.label && hasRole(...p.roles))
    .map(([k, p]) => h('li', {}, h('a', { href: '#/' + k, 'data-page': k }, p.label)))));
  window.addEventListener('hashchange', route);
  route();
}

start().catch((e) => {
  fill(document.getElementById('main'), errorBox('The server cannot be reached: ' + e.message));
});
