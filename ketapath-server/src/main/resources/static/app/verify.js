// Pharmacy verification: orders signed and awaiting the pharmacist's check of concentration, weight and dose.
import { get, post } from './api.js';
import { h, rules, rateText, patientName, section, form, fmtTime, fill } from './ui.js';
import { wards, chosenWard, patientsById, facts } from './data.js';

export async function verifyView(main) {
  const list = await wards();
  const ward = chosenWard(list);
  const [episodes, patients] = await Promise.all([get('/api/episodes?ward=' + encodeURIComponent(ward)), patientsById(ward)]);
  const waiting = episodes.filter((e) => e.decision.reasons.some((r) => r.code === 'VERIFY-NEEDED'));
  const items = await Promise.all(waiting.map(async (e) => {
    const [events, weights] = await Promise.all([get(`/api/episodes/${e.episodeId}/events`), get(`/api/patients/${e.patientId}/weights`)]);
    const f = facts(events);
    const w = weights.length ? weights[weights.length - 1] : null;
    const d = e.decision;
    let version = e.version;
    const fm = form({ id: `f-verify-${e.episodeId.slice(0, 8)}`, title: 'Verify', submit: 'Verify order',
      note: 'Check each value against the order, the weight chart and the protocol before confirming.', fields: [
        { name: 'concentration', label: 'Bag concentration', value: f.ordered ? f.ordered.payload.concentration : '1 mg/mL', required: true },
        { name: 'weightKg', label: 'Weight (kg)', type: 'number', min: 20, max: 300, step: 0.1, value: w ? w.kg : '', required: true },
        { name: 'dose', label: 'Dose (start rate with unit)', value: d.newRate ? `${d.newRate.mgPerKgPerHour} mg/kg/h` : '', required: true }],
      onSubmit: async (v) => {
        const r = await post(`/api/episodes/${e.episodeId}/verification`, { expectedVersion: version, ...v });
        version = r.version;
        fm.querySelector('button[type=submit]').disabled = true;
        return 'Verified: the nurse may start the infusion.';
      } });
    return h('article', { class: 'card verify-item', 'data-episode': e.episodeId },
      h('h2', {}, patientName(patients[e.patientId]), ' ', h('span', { class: 'muted' }, `${patients[e.patientId] ? patients[e.patientId].mrn : ''}, ${e.protocolId}@${e.protocolVersion}`)),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Ordered'), h('dd', {}, f.ordered ? `${fmtTime(f.ordered.occurredAt)} by ${f.ordered.recordedBy}: ${f.ordered.payload.concentration || 'no concentration'}${f.ordered.payload.maxRate ? ', maximum ' + f.ordered.payload.maxRate : ''}` : '-'),
        h('dt', {}, 'Weight on the chart'), h('dd', {}, w ? `${w.kg} kg, measured ${fmtTime(w.measuredAt)}` : 'none'),
        h('dt', {}, 'Start rate (engine)'), h('dd', {}, d.newRate ? rateText(d.newRate) : '-'),
        h('dt', {}, 'Protocol maximum'), h('dd', {}, d.maximum ? rateText(d.maximum) : '-')),
      h('ul', { class: 'reasons' }, d.reasons.filter((r) => r.code !== 'EVIDENCE').map((r) => h('li', {}, r.text, ' ', rules(r.rules)))),
      fm, h('p', {}, h('a', { href: `#/episode/${e.episodeId}` }, 'Open the episode')));
  }));
  fill(main, h('h1', {}, `Pharmacy verification (ward ${ward})`),
    h('p', {}, 'Orders signed by the pain service and awaiting your check of concentration, weight and dose [DOSE-3].'),
    items.length ? h('div', { id: 'verify-list' }, items) : section('Nothing to verify', h('p', { id: 'verify-empty' }, 'No order awaits verification on this ward.')));
}
