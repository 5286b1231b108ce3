// Ordering (pain physician): protocol, screening findings with rule IDs, evidence, MEDD with its
// table, the weight-based start rate in three units and the cap; blocking findings need an override.
import { get, post, ApiError } from './api.js';
import { h, rules, rateText, patientName, section, table, form, errorBox, problemText, fmtTime, fill } from './ui.js';
import { wards, chosenWard, patientsById, protocolList, protocolOf } from './data.js';

const FLAGS = [
  ['Indication', ['hospitalized', 'terminalCancer', 'opioidEscalationFailed', 'opioidEscalationLimitedBySideEffects', 'cancerRelatedNeuropathicPain']],
  ['Contraindications', ['uncontrolledCardiovascularDisease', 'pregnancy', 'activePsychosis', 'severeLiverDysfunction', 'elevatedIntracranialPressure', 'elevatedIntraocularPressure']],
  ['Cautions', ['delirium', 'recentSeizures', 'historyOfPsychosis', 'ischaemicHeartDisease', 'cyp3a4Inhibitor', 'postoperative']],
  ['Considered and documented first', ['adjunctsConsidered', 'proceduresConsidered', 'opioidsOptimized', 'neuropathicAdjuvantsTried', 'centralSensitization', 'invasiveInterventionsInappropriate']],
];
const words = (f) => f.replace(/([A-Z0-9])/g, ' $1').toLowerCase();

export async function orderView(main, id) {
  if (id) return orderEpisode(main, id);
  const list = await wards();
  const ward = chosenWard(list);
  const [patients, episodes, protocols] = await Promise.all([patientsById(ward), get('/api/episodes?ward=' + encodeURIComponent(ward)), protocolList()]);
  const active = episodes.filter((e) => e.decision.phase !== 'STOPPED');
  const notStarted = active.filter((e) => e.decision.phase === 'NOT_STARTED');
  const free = Object.values(patients).filter((p) => !active.some((e) => e.patientId === p.id));
  const f = form({ id: 'f-open', title: 'New ketamine episode', submit: 'Open episode and screen', fields: [
    { name: 'patientId', label: 'Patient', required: true, options: [['', 'choose a patient']].concat(
      Object.values(patients).map((p) => [p.id, `${patientName(p)} (${p.mrn})${free.includes(p) ? '' : ' - has an open episode'}`])) },
    { name: 'protocol', label: 'Protocol', required: true, options: [['', 'choose a protocol']].concat(protocols.filter((p) => p.activeForNewEpisodes)
      .map((p) => [`${p.id}@${p.version}`, `${p.id} ${p.version}: ${p.title}`])) }],
  onSubmit: async (v) => {
    const [protocolId, protocolVersion] = v.protocol.split('@');
    const ep = await post('/api/episodes', { patientId: v.patientId, protocolId, protocolVersion });
    location.hash = `#/order/${ep.episodeId}`;
    return 'Episode opened.';
  } });
  fill(main, h('h1', {}, `Order ketamine (ward ${ward})`),
    evidenceNote(),
    section('Choose the patient and the protocol', f,
      h('ul', {}, protocols.map((p) => h('li', {}, h('strong', {}, `${p.id}@${p.version}`), ` ${p.summary} `, h('span', { class: 'muted' }, p.citation))))),
    section('Continue an episode not yet running', notStarted.length ? h('ul', {}, notStarted.map((e) => h('li', {},
      h('a', { href: `#/order/${e.episodeId}` }, `${patientName(patients[e.patientId])}: ${e.protocolId}`), ' ',
      h('span', { class: 'muted' }, e.decision.reasons.filter((r) => r.code !== 'EVIDENCE').map((r) => r.text).slice(0, 1).join(''))))) : h('p', {}, 'None.')));
}

function evidenceNote(d) {
  const ev = d && d.reasons.find((r) => r.code === 'EVIDENCE');
  return h('aside', { class: 'card evidence', 'aria-label': 'Evidence' }, h('h2', {}, 'Evidence [GDL-1]'),
    h('p', {}, ev ? ev.text : 'Ketamine is not routine care for cancer pain: a last-resort adjuvant to opioids (ESMO 2018 Level II, Grade D; NCCN 2019: the double-blind randomised trial found no benefit over placebo).',
      ' ', rules(['GDL-1'])));
}

async function orderEpisode(main, id) {
  const state = {};
  const top = h('div');
  const body = h('div', { id: 'order-body' });
  fill(main, top, body);
  async function write(path, b) {
    await post(`/api/episodes/${id}/${path}`, { expectedVersion: state.ep.version, ...b });
    await refresh();
  }
  async function refresh() {
    const [ep, events] = await Promise.all([get(`/api/episodes/${id}`), get(`/api/episodes/${id}/events`)]);
    const [patient, protocol, weights] = await Promise.all([get(`/api/patients/${ep.patientId}`), protocolOf(ep), get(`/api/patients/${ep.patientId}/weights`)]);
    state.ep = ep;
    const d = ep.decision;
    const has = (t) => events.some((e) => e.type === t);
    const blocked = d.action === 'BLOCKED';
    const blocking = (d.screening || []).filter((x) => x.blocks);
    fill(top, h('h1', {}, `Order: ${patientName(patient)} `, h('span', { class: 'muted' }, `${patient.mrn}, ${ep.protocolId}@${ep.protocolVersion}`)),
      h('p', {}, h('a', { href: `#/episode/${id}` }, 'Open the episode page')));
    const screened = events.filter((e) => e.type === 'screened').pop();
    const current = screened ? screened.payload.flags : {};
    const flagsForm = h('form', { id: 'f-screening', class: 'kp-form' },
      FLAGS.map(([group, flags]) => h('fieldset', {}, h('legend', {}, group), flags.map((fl) => {
        const fid = `flag-${fl}`;
        const val = current[fl] === true ? 'yes' : current[fl] === false ? 'no' : '';
        return h('div', { class: 'flag' }, h('label', { for: fid }, words(fl)),
          h('select', { id: fid, name: fl }, [['', 'not documented'], ['yes', 'yes'], ['no', 'no']].map(([v, l]) => h('option', { value: v, selected: v === val }, l))));
      }))),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'record-screening' }, 'Record screening')),
      h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' }));
    flagsForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const flags = {};
      flagsForm.querySelectorAll('select').forEach((s) => { if (s.value) flags[s.name] = s.value === 'yes'; });
      const st = flagsForm.querySelector('.form-status');
      try { await write('screening', { flags }); } catch (e) { st.textContent = 'Refused: ' + problemText(e); st.className = 'form-status error'; }
    });
    const findings = (d.screening || []);
    const meddBox = h('div', { id: 'medd' }, 'Computing MEDD...');
    const orderForm = !has('ordered') ? form({ id: 'f-order', title: 'Order', submit: 'Record order', fields: [
      { name: 'concentration', label: 'Bag concentration', options: ['1 mg/mL', '2 mg/mL', '0.5 mg/mL'], value: '1 mg/mL' },
      { name: 'maxRate', label: 'Written maximum rate (optional, with unit)', placeholder: 'e.g. 20 mg/h' }],
    onSubmit: async (v) => {
      if (blocked) throw new ApiError(0, { detail: 'blocked by a screening finding: a pain physician must override it with a reason first', rules: ['GDL-3'] });
      await write('orders', v); return 'Order recorded.';
    } }) : null;
    const signBtn = has('ordered') && !has('signed') ? h('button', { type: 'button', id: 'sign-order', disabled: blocked, onclick: async (ev) => {
      const s = ev.currentTarget.nextElementSibling;
      try { await write('signature', {}); } catch (e) { s.textContent = 'Refused: ' + problemText(e); }
    } }, 'Sign the order') : null;
    const overrideForm = blocking.length ? form({ id: 'f-override-finding', title: 'Override a blocking finding', submit: 'Record override',
      note: 'A pain physician only. The reason is kept in the record.', fields: [
        { name: 'finding', label: 'Finding', options: blocking.map((x) => [x.key, `${x.key}: ${x.reason}`]) },
        { name: 'reason', label: 'Reason for the override', type: 'textarea', required: true }],
      onSubmit: async (v) => { await write('overrides', { scope: 'FINDING', finding: v.finding, reason: v.reason }); return 'Override recorded.'; } }) : null;
    const latestWeight = weights.length ? weights[weights.length - 1] : null;
    fill(body, 
      evidenceNote(d),
      h('div', { id: 'order-status', class: 'card ' + (blocked ? 'blocked' : ''), 'aria-live': 'polite' },
        h('h2', {}, blocked ? 'Blocked' : `Engine: ${d.action.replace(/_/g, ' ')}`),
        blocked ? h('p', { class: 'error', id: 'blocked-msg' }, 'This order is blocked by ', blocking.map((x) => `${x.key} (${x.reason})`).join('; '),
          '. It cannot be ordered until a pain physician overrides the finding with a reason. ', rules([...new Set(blocking.flatMap((x) => x.rules))])) : null,
        h('ul', { class: 'reasons' }, d.reasons.filter((r) => r.code !== 'EVIDENCE').map((r) => h('li', {}, r.text, ' ', rules(r.rules))))),
      section('Start rate and maximum',
        h('p', {}, 'Weight: ', latestWeight ? `${latestWeight.kg} kg, measured ${fmtTime(latestWeight.measuredAt)}` : h('strong', { class: 'danger' }, 'no weight recorded')),
        h('p', { id: 'start-rate' }, 'Weight-based start rate: ', h('strong', {}, d.newRate ? rateText(d.newRate) : 'not available'),
          (d.reasons || []).filter((r) => r.code === 'IF-OVERRIDDEN').map((r) => h('span', { class: 'muted' }, ` (blocked: ${r.text})`))),
        h('p', { id: 'cap' }, 'Protocol maximum: ', h('strong', {}, d.maximum ? rateText(d.maximum) : 'not available')),
        d.newRate && d.newRate.rounding ? h('p', { class: 'muted' }, `Pump rate ${d.newRate.rounding}.`) : null),
      section('Screening', flagsForm,
        findings.length ? h('div', { class: 'scroll' }, table('Screening findings', ['finding', 'severity', 'status', 'reason', 'rules'],
          findings.map((x) => h('tr', { class: x.blocks ? 'blocks' : x.status === 'FAIL' ? 'warn' : '' },
            h('th', { scope: 'row' }, x.key), h('td', {}, x.severity), h('td', {}, x.blocks ? 'BLOCKS' : x.status), h('td', {}, x.reason), h('td', {}, rules(x.rules)))),
          { id: 'findings' })) : h('p', {}, 'Not screened yet.')),
      overrideForm ? section('Override', overrideForm) : null,
      section('MEDD', meddBox),
      section('Order and signature', orderForm || h('p', { id: 'ordered-msg' }, 'Ordered. ', has('signed') ? 'Signed; awaiting pharmacist verification or start.' : ''),
        signBtn ? h('div', { class: 'actions' }, signBtn, h('span', { role: 'status', class: 'error' })) : null,
        blocked && orderForm ? h('p', { class: 'error' }, 'Ordering is blocked until the finding is overridden.') : null));
    if (orderForm && blocked) orderForm.querySelector('button[type=submit]').disabled = true;
    showMedd(meddBox, events, protocol);
  }
  await refresh();
}

async function showMedd(box, events, protocol) {
  const opioids = events.filter((e) => e.type === 'opioid' || e.type === 'rescue').map((e) => {
    const p = { ...e.payload }; delete p.id; delete p.by; return p;
  });
  if (!opioids.length) { fill(box, h('p', {}, 'No opioids recorded in this episode: record them on the episode page.')); return; }
  try {
    const r = await post('/api/medd', { table: protocol.meddTable, opioids });
    fill(box, 
      h('p', {}, 'Oral MEDD ', h('strong', { id: 'medd-oral' }, `${Number(r.oral.mgPerDay).toFixed(0)} mg/day`),
        r.parenteral ? `; parenteral ${Number(r.parenteral.mgPerDay).toFixed(0)} mg/day` : '',
        ` over ${fmtTime(r.windowStart)} to ${fmtTime(r.windowEnd)}, table `, h('strong', {}, r.tableRef), ' ', rules(['MEDD-1', 'MEDD-2'])),
      h('div', { class: 'scroll' }, table(`MEDD lines (${r.tableRef})`, ['opioid', 'given', 'factor', 'calculation', 'source'],
        r.lines.map((l) => h('tr', {}, h('th', { scope: 'row' }, `${l.drug.toLowerCase()} ${l.route}${l.asNeeded ? ' (as needed)' : ''}`),
          h('td', {}, l.given), h('td', {}, l.factor ? l.factor.factor : '-'), h('td', {}, l.calculation), h('td', { class: 'small' }, l.factor ? l.factor.source : ''))))),
      (r.warnings || []).length ? h('ul', {}, r.warnings.map((w) => h('li', { class: 'warn' }, typeof w === 'string' ? w : w.text || JSON.stringify(w)))) : null,
      h('p', { class: 'note' }, 'Never use MEDD to calculate an opioid switch dose [MEDD-3].'));
  } catch (e) {
    fill(box, errorBox(problemText(e)));
  }
}
