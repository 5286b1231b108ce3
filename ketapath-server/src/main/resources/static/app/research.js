// Researcher: outcomes without names or identifiers. Admin: record integrity.
import { get } from './api.js';
import { h, table, section, fill } from './ui.js';

export async function outcomesView(main) {
  const rows = await get('/api/research/outcomes');
  const fmt = (m) => (m ? `${Number(m.mgPerDay).toFixed(0)}` : '-');
  fill(main, h('h1', {}, 'Outcomes'),
    h('p', {}, 'Pseudonymised episodes: no names or identifiers; times are hours from the start. Responses as the studies define them [OUTC-1, OUTC-2].'),
    h('div', { class: 'scroll' }, table(`${rows.length} episodes`, ['episode', 'protocol', 'pain mechanism', 'baseline oral MEDD mg/day', 'PPG', 'NRS first -> last', 'hours infused', 'adverse events', 'responses'],
      rows.map((r) => {
        const n = r.nrs || [];
        return h('tr', {}, h('th', { scope: 'row' }, r.pseudonym), h('td', {}, r.protocolRef), h('td', {}, (r.painMechanism || '-').toLowerCase()),
          h('td', {}, fmt(r.baselineOralMedd)), h('td', {}, r.ppg ?? '-'),
          h('td', {}, n.length ? `${n[0].nrs} -> ${n[n.length - 1].nrs} (${n.length})` : '-'),
          h('td', {}, r.durationHours ?? '-'), h('td', {}, (r.adverseEvents || []).length),
          h('td', {}, (r.responses || []).map((x) => `${x.definition.toLowerCase()}: ${x.category.toLowerCase()}${x.provisional ? ' (provisional)' : ''}`).join('; ') || '-'));
      }), { id: 'outcomes' })));
}

export async function integrityView(main) {
  const r = await get('/api/verify');
  fill(main, h('h1', {}, 'Record integrity'),
    section('Hash chains', h('pre', { id: 'verify-all' }, JSON.stringify(r, null, 2))),
    h('p', {}, 'Accounts and protocol versions: see the API at ', h('a', { href: '/swagger-ui' }, '/swagger-ui'), '.'));
}
