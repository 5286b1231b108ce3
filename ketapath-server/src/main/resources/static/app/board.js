// Ward board: every episode on the ward that is not stopped, what runs, what is due, what is open.
import { get } from './api.js';
import { h, fmtTime, since, rateCells, patientName, table, rules, fill } from './ui.js';
import { wards, chosenWard, patientsById, lastRateChange } from './data.js';
import { refreshEvery } from './main.js';

const RUNNING = (d) => !!d.currentRate;

export async function boardView(main) {
  const list = await wards();
  let ward = chosenWard(list);
  const select = h('select', { id: 'ward-select', onchange: () => { localStorage.setItem('kp.ward', select.value); draw(); } },
    list.map((w) => h('option', { value: w, selected: w === ward }, w)));
  const body = h('div', { id: 'board-body', 'aria-live': 'polite', 'aria-busy': 'true' });
  const updated = h('span', { class: 'muted', id: 'board-updated' });
  fill(main, 
    h('h1', {}, 'Ward board'),
    h('div', { class: 'toolbar' }, h('label', { for: 'ward-select' }, 'Ward '), select,
      h('button', { type: 'button', class: 'secondary', onclick: () => draw() }, 'Refresh'),
      updated),
    body);

  async function draw() {
    ward = select.value;
    body.setAttribute('aria-busy', 'true');
    const [episodes, patients, alerts] = await Promise.all([
      get('/api/episodes?ward=' + encodeURIComponent(ward)), patientsById(ward),
      get('/api/alerts?ward=' + encodeURIComponent(ward))]);
    const open = episodes.filter((e) => e.decision.phase !== 'STOPPED');
    const events = await Promise.all(open.map((e) => get(`/api/episodes/${e.episodeId}/events`)));
    const lastChange = Object.fromEntries(open.map((e, i) => [e.episodeId, lastRateChange(events[i])]));
    const byEpisode = {};
    alerts.forEach((a) => { (byEpisode[a.episodeId] = byEpisode[a.episodeId] || []).push(a); });
    const now = Date.now();
    const running = open.filter((e) => RUNNING(e.decision));
    const waiting = open.filter((e) => !RUNNING(e.decision));
    const row = (e) => {
      const d = e.decision;
      const p = patients[e.patientId];
      const due = d.nextAssessmentDue;
      const overdue = d.assessmentOverdue || (due && Date.parse(due) < now);
      const al = byEpisode[e.episodeId] || [];
      return h('tr', { class: overdue ? 'overdue' : '', 'data-episode': e.episodeId },
        h('th', { scope: 'row' }, h('a', { href: `#/episode/${e.episodeId}` }, patientName(p)),
          h('br'), h('span', { class: 'muted' }, p ? p.mrn : '')),
        h('td', {}, e.protocolId, h('br'), h('span', { class: 'muted' }, d.phase.replace(/_/g, ' ').toLowerCase())),
        h('td', { class: 'rate-cell' }, rateCells(d.currentRate)),
        h('td', {}, lastChange[e.episodeId] ? since(lastChange[e.episodeId], now) : '-'),
        h('td', {}, due ? [overdue ? h('strong', { class: 'badge danger' }, 'OVERDUE') : null, ' ', fmtTime(due),
          h('br'), h('span', { class: 'muted' }, since(due, now))] : '-'),
        h('td', {}, h('strong', { class: 'action action-' + d.action }, d.action.replace(/_/g, ' ')),
          d.alsoDo && d.alsoDo.length ? h('span', { class: 'muted' }, ' + ' + d.alsoDo.join(', ').replace(/_/g, ' ')) : null),
        h('td', {}, al.length ? h('ul', { class: 'alerts' }, al.map((a) => h('li', { class: 'sev-' + a.severity },
          h('strong', {}, a.kind.replace(/_/g, ' ')), ' ', a.message, ' ', rules(a.rules)))) : h('span', { class: 'muted' }, 'none')));
    };
    const headers = ['Patient', 'Protocol', 'Rate now', 'Since last change', 'Next assessment', 'Recommendation', 'Open alerts'];
    fill(body, 
      h('h2', {}, `Running infusions (${running.length})`),
      running.length ? h('div', { class: 'scroll' }, table(`Running ketamine infusions on ward ${ward}`, headers, running.map(row), { id: 'board-running' }))
        : h('p', {}, 'No infusion is running on this ward.'),
      h('h2', {}, `Screened, ordered or awaiting start (${waiting.length})`),
      waiting.length ? h('div', { class: 'scroll' }, table(`Episodes not yet running on ward ${ward}`, headers, waiting.map(row), { id: 'board-waiting' }))
        : h('p', {}, 'None.'));
    body.setAttribute('aria-busy', 'false');
    updated.textContent = ' updated ' + fmtTime(new Date().toISOString());
  }
  await draw();
  refreshEvery(60000, () => draw().catch(() => {}));
}
