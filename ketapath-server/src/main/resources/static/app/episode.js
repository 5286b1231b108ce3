// Episode page: the server's recommendation, charts over time, pump panel, charting forms, history.
import { get, post, ApiError } from './api.js';
import { h, fmtTime, since, rules, rateText, patientName, section, table, form, errorBox, problemText, fill } from './ui.js';
import { protocolOf, rateHistory, toMgPerHour, mgPerMl, facts } from './data.js';
import { timeChart } from './charts.js';
import { hasRole, refreshEvery } from './main.js';

const HOUR = 3600e3;

export async function episodeView(main, id) {
  const state = { version: 0, decision: null };
  const live = h('div', { id: 'episode-live' });
  const card = h('div', { id: 'recommendation', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const head = h('div', { id: 'episode-head' });
  const formsBox = h('div', { class: 'forms', id: 'episode-forms' });
  fill(main, head, card, formsBox, live);

  async function write(path, body) {
    try {
      const r = await post(`/api/episodes/${id}/${path}`, { expectedVersion: state.version, ...body });
      await refresh();
      return r;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        await refresh();
        throw new ApiError(409, { detail: 'someone else recorded first; the page now shows the latest record: check it and send again' });
      }
      throw e;
    }
  }

  async function refresh() {
    const [ep, events, alerts, verify] = await Promise.all([
      get(`/api/episodes/${id}`), get(`/api/episodes/${id}/events`), get(`/api/alerts?episodeId=${id}`),
      get(`/api/episodes/${id}/verify`)]);
    const [patient, protocol] = await Promise.all([get(`/api/patients/${ep.patientId}`), protocolOf(ep)]);
    state.version = ep.version;
    state.decision = ep.decision;
    state.ep = ep;
    state.events = events;
    const d = ep.decision;
    const f = facts(events);
    fill(head, 
      h('h1', {}, patientName(patient), ' ', h('span', { class: 'muted' }, `${patient.mrn}, ward ${ep.ward}`)),
      h('p', { class: 'sub' }, `${ep.protocolId}@${ep.protocolVersion}: ${protocol ? protocol.title : ''}. `,
        `Phase: ${d.phase.replace(/_/g, ' ').toLowerCase()}. `,
        f.weightKg ? `Weight ${f.weightKg} kg. ` : 'No weight recorded. ',
        f.concentration ? `Bag ${f.concentration}. ` : '',
        d.phase === 'NOT_STARTED' && hasRole('PAIN_PHYSICIAN') ? h('a', { href: `#/order/${id}` }, 'Screening and order') : null));
    fill(card, recommendationCard(d, ep, write));
    // The forms fit the phase (start, session start, session end): rebuild them only when it changes,
    // so that a value being typed is not wiped by the minute's refresh.
    const formsKey = `${d.phase}|${d.session ?? ''}`;
    if (state.formsKey !== undefined && state.formsKey !== formsKey) buildForms(formsBox, state, write);
    state.formsKey = formsKey;
    fill(live, 
      alertsPanel(alerts, refresh),
      d.currentRate || d.phase !== 'NOT_STARTED' ? pumpPanel(d, events, f) : null,
      chartsPanel(d, events, f, protocol),
      await meddPanel(events, protocol),
      historyPanel(events, verify));
  }

  await refresh();
  buildForms(formsBox, state, write);
  refreshEvery(60000, () => refresh().catch(() => {}));
}

function recommendationCard(d, ep, write) {
  const apply = d.newRate && hasRole('NURSE', 'PAIN_PHYSICIAN') && d.phase !== 'NOT_STARTED' && d.action !== 'START_SESSION'
    ? h('button', { type: 'button', id: 'apply-recommendation', onclick: async (ev) => {
      const b = ev.currentTarget;
      const out = b.parentElement.querySelector('.apply-status');
      b.disabled = true;
      try {
        await write('recommendation/apply', {});
        const s = document.querySelector('#recommendation .apply-status');
        if (s) s.textContent = 'Applied: the new rate is recorded as yours.';
      } catch (e) {
        out.textContent = 'Refused: ' + problemText(e);
        out.className = 'apply-status error';
        b.disabled = false;
      }
    } }, `Apply: set ${d.newRate.mgPerHour} mg/h (pump ${d.newRate.pumpMlPerHour} mL/h)`) : null;
  return h('section', { class: 'card rec action-' + d.action, 'aria-labelledby': 'rec-h' },
    h('h2', { id: 'rec-h' }, 'Recommendation now'),
    h('p', { class: 'rec-action' }, h('strong', { id: 'rec-action' }, d.action.replace(/_/g, ' ')),
      d.alsoDo && d.alsoDo.length ? ` and ${d.alsoDo.join(', ').replace(/_/g, ' ').toLowerCase()}` : ''),
    d.newRate ? h('p', { class: 'rec-rate', id: 'rec-rate' }, 'New rate: ', h('strong', {}, rateText(d.newRate)),
      d.newRate.rounding ? h('span', { class: 'muted' }, ` (${d.newRate.rounding})`) : null) : null,
    d.currentRate ? h('p', {}, 'Running: ', rateText(d.currentRate)) : null,
    d.maximum ? h('p', {}, 'Protocol maximum: ', rateText(d.maximum)) : null,
    h('ul', { class: 'reasons' }, d.reasons.map((r) => h('li', {}, r.text, ' ', rules(r.rules)))),
    d.deviations && d.deviations.length ? h('div', { class: 'deviations' }, h('h3', {}, 'Deviations'),
      h('ul', {}, d.deviations.map((x) => h('li', {}, x.text || x.message || JSON.stringify(x), ' ', rules(x.rules))))) : null,
    h('p', {}, 'Next assessment due: ', h('strong', { class: d.assessmentOverdue ? 'danger' : '' },
      d.nextAssessmentDue ? `${fmtTime(d.nextAssessmentDue)} (${since(d.nextAssessmentDue)})` : '-'),
      d.assessmentOverdue ? h('strong', { class: 'badge danger' }, ' OVERDUE') : null,
      d.nextReviewDue ? `; next review ${fmtTime(d.nextReviewDue)}` : ''),
    apply ? h('div', { class: 'actions' }, apply, h('span', { class: 'apply-status', role: 'status' })) : null,
    h('p', { class: 'muted small' }, `Decision by the server's engine for ${d.protocol} at ${fmtTime(d.at)}. `,
      'It supports clinical judgement; it does not replace it.'));
}

function alertsPanel(alerts, refresh) {
  if (!alerts.length) return section('Open alerts', h('p', { id: 'alerts-none' }, 'No open alerts.'));
  return section('Open alerts', h('ul', { class: 'alerts', id: 'alerts' }, alerts.map((a) => h('li', { class: 'sev-' + a.severity },
    h('strong', {}, `${a.kind.replace(/_/g, ' ')} (${a.severity.toLowerCase()})`), ` ${a.message} `, rules(a.rules),
    h('span', { class: 'muted' }, ` raised ${fmtTime(a.raisedAt)} `),
    hasRole('NURSE', 'PAIN_PHYSICIAN') ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
      await post(`/api/alerts/${a.id}/acknowledge`, {}); await refresh();
    } }, 'Acknowledge') : null))));
}

function pumpPanel(d, events, f) {
  const conc = mgPerMl(f.concentration) || 1;
  const hist = rateHistory(events);
  const startEv = hist.find((x) => x.type === 'started' || x.type === 'sessionStart');
  const bagIn = h('input', { id: 'bag-volume', type: 'number', min: 1, max: 1000, step: 1, value: localStorage.getItem('kp.bag') || 100 });
  const hungIn = h('input', { id: 'bag-hung', type: 'datetime-local' });
  const out = h('div', { id: 'pump-out', 'aria-live': 'polite' });
  const calc = () => {
    const bag = Number(bagIn.value) || 100;
    localStorage.setItem('kp.bag', bag);
    const from = hungIn.value ? Date.parse(hungIn.value) : startEv ? startEv.t : null;
    const now = Date.now();
    let ml = 0;
    let prev = null;
    for (const x of hist) {
      if (prev && prev.mlh) ml += prev.mlh * Math.max(0, (Math.min(x.t, now) - Math.max(prev.t, from || prev.t)) / HOUR);
      const mgh = ['stopped', 'sessionEnd'].includes(x.type) ? 0 : toMgPerHour(x.rate, f.weightKg, conc);
      prev = { t: x.t, mlh: mgh === null ? 0 : mgh / conc };
    }
    if (prev && prev.mlh) ml += prev.mlh * Math.max(0, (now - Math.max(prev.t, from || prev.t)) / HOUR);
    const left = Math.max(0, bag - ml);
    const pump = d.currentRate ? Number(d.currentRate.pumpMlPerHour) : 0;
    const runsOut = pump > 0 ? new Date(now + (left / pump) * HOUR).toISOString() : null;
    fill(out, 
      h('p', { class: 'pump-rate' }, 'Program the pump at ', h('strong', { id: 'pump-mlh' }, d.currentRate ? `${d.currentRate.pumpMlPerHour} mL/h` : 'not running'),
        d.currentRate ? h('span', { class: 'muted' }, ` (${d.currentRate.mgPerHour} mg/h; ${d.currentRate.rounding || ''})`) : null),
      h('p', {}, `Infused from this bag: about ${ml.toFixed(1)} mL. Left: `, h('strong', { id: 'bag-left' }, `${left.toFixed(1)} mL`),
        runsOut ? [' - runs out about ', h('strong', { id: 'bag-empty' }, fmtTime(runsOut))] : ''),
      left < 10 && pump > 0 ? errorBox('The bag is nearly empty: prepare the next bag.') : null);
  };
  bagIn.addEventListener('input', calc);
  hungIn.addEventListener('change', calc);
  calc();
  return section('Pump', out,
    h('div', { class: 'inline-fields' },
      h('div', { class: 'field' }, h('label', { for: 'bag-volume' }, 'Bag volume (mL)'), bagIn),
      h('div', { class: 'field' }, h('label', { for: 'bag-hung' }, 'Bag hung at (blank: the infusion start)'), hungIn)),
    h('p', { class: 'note' }, `Local assumption: the bag volume is not in the record. The protocol's standard bag is ${f.concentration || '1 mg/mL'}, 100 mL; `,
      'change it here if yours differs. The volume infused is computed from the recorded rate history.'));
}

function chartsPanel(d, events, f, protocol) {
  const conc = mgPerMl(f.concentration) || 1;
  const pts = (type, key) => events.filter((e) => e.type === type && e.payload[key] !== undefined)
    .map((e) => ({ t: Date.parse(e.occurredAt), v: Number(e.payload[key]) })).sort((a, b) => a.t - b.t);
  const hist = rateHistory(events);
  const now = Date.now();
  const allT = events.map((e) => Date.parse(e.occurredAt));
  const firstClinical = hist.length ? Math.min(hist[0].t, ...pts('assessment', 'nrs').map((p) => p.t)) : Math.min(...allT);
  const tMin = Math.min(firstClinical, now - 6 * HOUR);
  const tMax = now;
  const rescues = events.filter((e) => e.type === 'rescue').map((e) => ({ t: Date.parse(e.occurredAt),
    label: `rescue ${e.payload.drug} ${e.payload.dose} ${e.payload.route} at ${fmtTime(e.occurredAt)}` })).filter((m) => m.t >= tMin);
  const nrs = pts('assessment', 'nrs');
  const ppg = pts('assessment', 'ppg');
  const charts = [];
  charts.push(timeChart({ title: 'Pain (NRS) against the personalised pain goal', tMin, tMax, yMin: 0, yMax: 10, yLabel: 'NRS',
    desc: `Latest NRS ${nrs.length ? nrs[nrs.length - 1].v : 'none'}; goal ${ppg.length ? ppg[ppg.length - 1].v : 'not set'}`,
    series: [{ label: 'NRS', cls: 'nrs', points: nrs }, { label: 'Pain goal (PPG)', cls: 'ppg', points: ppg, step: true }],
    marks: rescues, markLabel: 'rescue dose',
    table: { headers: ['time', 'NRS'], rows: nrs.map((p) => [fmtTime(new Date(p.t).toISOString()), p.v]) } }));
  const rate = [];
  for (const x of hist) {
    const mgh = ['stopped', 'sessionEnd'].includes(x.type) ? 0 : toMgPerHour(x.rate, f.weightKg, conc);
    rate.push({ t: x.t, v: mgh === null ? 0 : mgh, text: x.rate || 'stopped' });
  }
  const cap = d.maximum ? Number(d.maximum.mgPerHour) : null;
  const top = Math.max(cap || 0, ...rate.map((r) => r.v), 1) * 1.2;
  charts.push(timeChart({ title: 'Ketamine rate (mg/h) with the protocol maximum', tMin, tMax, yMin: 0, yMax: top, yLabel: 'mg/h',
    desc: `Current ${d.currentRate ? d.currentRate.mgPerHour + ' mg/h' : 'not running'}; maximum ${cap !== null ? cap + ' mg/h' : 'unknown'}`,
    series: [{ label: 'rate (mg/h)', cls: 'rate', points: rate, step: true }],
    hlines: cap !== null ? [{ v: cap, cls: 'cap', label: `protocol maximum ${cap} mg/h (${d.maximum.mgPerKgPerHour} mg/kg/h)` }] : [],
    marks: rescues, markLabel: 'rescue dose',
    table: { headers: ['time', 'rate as recorded', 'mg/h'], rows: rate.map((r) => [fmtTime(new Date(r.t).toISOString()), r.text, r.v.toFixed(1)]) } }));
  const th = protocol && protocol.thresholds;
  const vital = (key, label, yMin, yMax, bands) => {
    const p = pts('vitals', key);
    return timeChart({ title: label, tMin, tMax, yMin, yMax, yLabel: label.split(' ')[0], desc: `latest ${p.length ? p[p.length - 1].v : 'none'}`,
      series: [{ label, cls: 'vital', points: p }], bands,
      table: { headers: ['time', label], rows: p.map((x) => [fmtTime(new Date(x.t).toISOString()), x.v]) } });
  };
  const vitals = th ? [
    vital('spo2', 'SpO2 (%)', 70, 100, [{ from: 70, to: th.oxygenAtOrBelowSpo2, cls: 'danger', label: `give oxygen at <= ${th.oxygenAtOrBelowSpo2}% [INST-6]` }]),
    vital('respiratoryRate', 'Respiratory rate (/min)', 0, 30, [{ from: 0, to: th.respiratoryRateAtOrBelow, cls: 'danger', label: `notify at <= ${th.respiratoryRateAtOrBelow} [INST-5]` }]),
    vital('heartRate', 'Heart rate (/min)', 40, 160, [{ from: th.heartRateAbove, to: 160, cls: 'danger', label: `notify above ${th.heartRateAbove} [INST-5]` }]),
    vital('systolic', 'Systolic BP (mmHg)', 60, 220, [{ from: th.systolicAbove, to: 220, cls: 'danger', label: `notify above ${th.systolicAbove} [INST-5]` }]),
  ] : [];
  return section('Charts', h('div', { class: 'charts' }, charts), h('h3', {}, 'Vital signs (shaded: the protocol\'s notify thresholds)'), h('div', { class: 'charts small-charts' }, vitals));
}

async function meddPanel(events, protocol) {
  const opioids = events.filter((e) => e.type === 'opioid' || e.type === 'rescue').map((e) => {
    const p = { ...e.payload };
    delete p.id; delete p.by;
    return p;
  });
  if (!opioids.length || !protocol) return section('MEDD per day', h('p', {}, 'No opioids recorded.'));
  const first = Math.min(...opioids.map((o) => Date.parse(o.at)));
  const days = [];
  for (let t = first + 24 * HOUR; t < Date.now() + 24 * HOUR && days.length < 14; t += 24 * HOUR) days.push(Math.min(t, Date.now()));
  const results = await Promise.all(days.map((t) => post('/api/medd', { table: protocol.meddTable, at: new Date(t).toISOString(), opioids })
    .catch((e) => ({ error: problemText(e) }))));
  const pts = results.map((r, i) => ({ t: days[i], v: r.oral ? Number(r.oral.mgPerDay) : null }));
  const max = Math.max(10, ...pts.map((p) => p.v || 0)) * 1.2;
  return section('MEDD per day',
    timeChart({ title: `Oral morphine equivalent daily dose (${protocol.meddTable})`, tMin: first, tMax: Date.now(), yMin: 0, yMax: max,
      yLabel: 'mg/day', desc: 'MEDD over each 24 h window', series: [{ label: 'oral MEDD (mg/day)', cls: 'medd', points: pts }],
      table: { headers: ['24 h ending', 'oral MEDD mg/day', 'parenteral mg/day'], rows: results.map((r, i) => [fmtTime(new Date(days[i]).toISOString()),
        r.oral ? Number(r.oral.mgPerDay).toFixed(0) : r.error, r.parenteral ? Number(r.parenteral.mgPerDay).toFixed(0) : '-']) } }),
    h('p', { class: 'note' }, 'MEDD is for comparison only: never use it to calculate an opioid switch dose [MEDD-3].'));
}

function summary(p) {
  return Object.entries(p).filter(([k]) => !['at', 'by', 'id', 'type'].includes(k)).map(([k, v]) => {
    if (k === 'flags' && v && typeof v === 'object') {
      const yes = Object.entries(v).filter(([, x]) => x === true).map(([x]) => x);
      return `flags: yes ${yes.join(', ') || 'none'}; ${Object.keys(v).length - yes.length} no`;
    }
    return `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`;
  }).join('; ');
}

function historyPanel(events, verify) {
  const ok = verify && (!verify.findings || verify.findings.length === 0);
  return section('History',
    h('p', { id: 'chain-status', class: ok ? 'ok' : 'error' }, ok
      ? `Hash chain verifies: all ${verify.events} events are intact.`
      : `Hash chain does NOT verify: ${JSON.stringify(verify.findings)}`),
    h('div', { class: 'scroll' }, table('Every recorded event, newest first', ['#', 'when', 'what', 'details', 'who', 'recorded', 'hash'],
      [...events].reverse().map((e) => h('tr', { 'data-type': e.type },
        h('td', {}, e.seq), h('td', {}, fmtTime(e.occurredAt)), h('th', { scope: 'row' }, e.type), h('td', { class: 'details' }, summary(e.payload)),
        h('td', {}, `${e.recordedBy} (${e.recordedRole.replace('_', ' ').toLowerCase()}${e.payload.by && e.payload.by.service ? ', ' + e.payload.by.service : ''})`),
        h('td', {}, fmtTime(e.recordedAt)), h('td', { class: 'hash' }, h('code', { title: e.hash }, e.hash.slice(0, 10))))), { id: 'history' })));
}

function buildForms(box, state, write) {
  const bedside = hasRole('NURSE', 'PAIN_PHYSICIAN');
  const physician = hasRole('PAIN_PHYSICIAN');
  const d = state.decision;
  const out = [];
  // A session protocol (OUT-2) is given in sessions, each with its baseline; the others as one infusion.
  const sessions = d.session !== undefined && d.session !== null;
  if (bedside && sessions && ['NOT_STARTED', 'BETWEEN_SESSIONS'].includes(d.phase)) {
    out.push(form({ id: 'f-session-start', title: `Start session ${d.session}`, submit: 'Record session start',
      note: 'Before each session record the NRS, function, satisfaction and analgesic use (OUT-2); the server checks the order, verification and the maximum.',
      fields: [
        { name: 'session', label: 'Session number', type: 'number', min: 1, max: 1000, integer: true, required: true, value: d.session },
        { name: 'rate', label: 'Start rate', value: d.newRate ? `${d.newRate.mgPerHour} mg/h` : '', required: true, hint: 'with its unit: mg/h, mg/kg/h or mL/h' },
        { name: 'nrs', label: 'Baseline pain NRS (0-10)', type: 'number', min: 0, max: 10, step: 1, integer: true, required: true, serverField: 'baseline.nrs' },
        { name: 'function', label: 'Function', required: true, placeholder: 'e.g. walks one block', serverField: 'baseline.function' },
        { name: 'satisfaction', label: 'Satisfaction with pain treatment', required: true, serverField: 'baseline.satisfaction' },
        { name: 'analgesicUse', label: 'Analgesic use', required: true, placeholder: 'e.g. oxycodone 5 mg 2-3 times daily', serverField: 'baseline.analgesicUse' }],
      onSubmit: async (v) => {
        await write('session-starts', { session: v.session, rate: v.rate,
          baseline: { nrs: v.nrs, function: v.function, satisfaction: v.satisfaction, analgesicUse: v.analgesicUse } });
        return `Session ${v.session} started.`;
      } }));
  }
  if (bedside && sessions && d.phase === 'IN_SESSION') {
    out.push(form({ id: 'f-session-end', title: `End session ${d.session}`, submit: 'Record session end',
      note: 'The NRS at the end of the session decides the response (OUT-5: a reduction of 30% or more).',
      fields: [
        { name: 'session', label: 'Session number', type: 'number', min: 1, max: 1000, integer: true, required: true, value: d.session },
        { name: 'nrs', label: 'Pain NRS at the end (0-10)', type: 'number', min: 0, max: 10, step: 1, integer: true, required: true },
        { name: 'positiveSubjective', label: 'Positive subjective response', type: 'checkbox' }],
      onSubmit: async (v) => { await write('session-ends', v); return `Session ${v.session} ended.`; } }));
  }
  if (bedside) {
    if (d.phase === 'NOT_STARTED' && !sessions) {
      out.push(form({ id: 'f-start', title: 'Start the infusion', submit: 'Record start',
        note: 'Only after the order is signed and verified; the server checks it.',
        fields: [{ name: 'rate', label: 'Start rate', value: d.newRate ? `${d.newRate.mgPerKgPerHour} mg/kg/h` : '', required: true,
          hint: 'with its unit: mg/kg/h, mg/h or mL/h' }],
        onSubmit: async (v) => { await write('start', v); return 'Start recorded.'; } }));
    }
    out.push(form({ id: 'f-assessment', title: 'Assessment', submit: 'Record assessment', fields: [
      { name: 'nrs', label: 'Pain NRS (0-10)', type: 'number', min: 0, max: 10, step: 1, integer: true },
      { name: 'ppg', label: 'Personalised pain goal (0-10)', type: 'number', min: 0, max: 10, step: 1, integer: true },
      { name: 'poss', label: 'Sedation POSS (1-4)', type: 'number', min: 1, max: 4, step: 1, integer: true },
      { name: 'rass', label: 'RASS (-5 to 4)', type: 'number', min: -5, max: 4, step: 1, integer: true }],
    onSubmit: async (v) => {
      if (!Object.keys(v).length) throw new ApiError(0, { detail: 'enter at least one value' });
      await write('assessments', v); return 'Assessment recorded; the recommendation above is updated.';
    } }));
    out.push(form({ id: 'f-vitals', title: 'Vital signs', submit: 'Record vital signs', fields: [
      { name: 'spo2', label: 'SpO2 % (50-100)', type: 'number', min: 50, max: 100, integer: true },
      { name: 'respiratoryRate', label: 'Respiratory rate /min (0-60)', type: 'number', min: 0, max: 60, integer: true },
      { name: 'heartRate', label: 'Heart rate /min (20-250)', type: 'number', min: 20, max: 250, integer: true },
      { name: 'systolic', label: 'Systolic BP mmHg (50-260)', type: 'number', min: 50, max: 260, integer: true },
      { name: 'diastolic', label: 'Diastolic BP mmHg (20-160)', type: 'number', min: 20, max: 160, integer: true }],
    onSubmit: async (v) => {
      if (!Object.keys(v).length) throw new ApiError(0, { detail: 'enter at least one value' });
      await write('vital-signs', v); return 'Vital signs recorded.';
    } }));
    out.push(form({ id: 'f-rate', title: 'Change the rate', submit: 'Record rate change',
      note: 'Within the order and the protocol; the server refuses a rate above the maximum and says why.', fields: [
        { name: 'value', label: 'New rate', type: 'number', min: 0, max: 200, step: 0.1, required: true, serverField: 'rate' },
        { name: 'unit', label: 'Unit', options: ['mg/h', 'mg/kg/h', 'mL/h'], value: 'mg/h' },
        { name: 'reason', label: 'Reason', required: true }],
      onSubmit: async (v) => { await write('rate-changes', { rate: `${v.value} ${v.unit}`, reason: v.reason }); return 'Rate change recorded.'; } }));
    out.push(form({ id: 'f-rescue', title: 'Rescue dose', submit: 'Record rescue dose', fields: [
      { name: 'drug', label: 'Opioid', options: ['morphine', 'hydromorphone', 'oxycodone', 'fentanyl'], value: 'morphine' },
      { name: 'route', label: 'Route', options: ['IV', 'SC', 'PO'], value: 'IV' },
      { name: 'amount', label: 'Dose', type: 'number', min: 0.1, max: 1000, step: 0.1, required: true, serverField: 'dose' },
      { name: 'unit', label: 'Unit', options: ['mg', 'mcg'], value: 'mg' }],
    onSubmit: async (v) => { await write('rescue-doses', { drug: v.drug, route: v.route, dose: `${v.amount} ${v.unit}` }); return 'Rescue dose recorded.'; } }));
    out.push(form({ id: 'f-side', title: 'Side effect', submit: 'Record side effect', fields: [
      { name: 'effect', label: 'Side effect', options: ['HALLUCINATIONS', 'DYSPHORIA', 'SEVERE_AGITATION', 'DIZZINESS', 'NAUSEA', 'VOMITING', 'PRURITUS', 'DEPERSONALIZATION', 'SOMNOLENCE', 'INSOBRIETY'] },
      { name: 'resolution', label: 'Resolution (optional)' }],
    onSubmit: async (v) => { await write('side-effects', v); return 'Side effect recorded.'; } }));
    out.push(form({ id: 'f-ae', title: 'Adverse event', submit: 'Record adverse event', fields: [
      { name: 'term', label: 'Term (CTCAE)', required: true },
      { name: 'category', label: 'Category', options: ['NEUROLOGICAL', 'GASTROINTESTINAL', 'CARDIOVASCULAR', 'PSYCHOTOMIMETIC', 'OTHER'] },
      { name: 'ctcaeGrade', label: 'CTCAE grade (1-5)', type: 'number', min: 1, max: 5, integer: true, required: true },
      { name: 'attributedToKetamine', label: 'Attributed to ketamine', type: 'checkbox' },
      { name: 'resolution', label: 'Resolution (optional)' }],
    onSubmit: async (v) => { await write('adverse-events', v); return 'Adverse event recorded.'; } }));
  }
  if (physician) {
    const blocking = (d.screening || []).filter((x) => x.blocks).map((x) => x.key);
    out.push(form({ id: 'f-override', title: 'Physician override', submit: 'Record override',
      note: 'A pain physician only; the reason is kept in the record.', fields: [
        { name: 'scope', label: 'Override', options: [['RATE_ABOVE_CAP', 'rate above the maximum'], ['FINDING', 'a blocking screening finding'], ['DURATION', 'course duration']] },
        { name: 'upTo', label: 'Allow up to (rate with unit, for a rate)', placeholder: 'e.g. 16 mg/h' },
        { name: 'finding', label: 'Finding (for a finding)', value: blocking[0] || '', placeholder: 'e.g. contraindication:pregnancy' },
        { name: 'reason', label: 'Reason', type: 'textarea', required: true }],
      onSubmit: async (v) => {
        const body = { scope: v.scope, reason: v.reason };
        if (v.scope === 'RATE_ABOVE_CAP') body.upTo = v.upTo;
        if (v.scope === 'FINDING') body.finding = v.finding;
        await write('overrides', body); return 'Override recorded.';
      } }));
  }
  if (physician) {
    out.push(form({ id: 'f-bolus', title: 'Ketamine bolus (physician)', submit: 'Record bolus',
      note: 'GDL-5: for acute severe pain, below 0.35 mg/kg; the server refuses a larger one and says why.', fields: [
        { name: 'mg', label: 'Dose (mg)', type: 'number', min: 0.5, max: 100, step: 0.5, required: true, serverField: 'dose' },
        { name: 'reason', label: 'Reason', required: true }],
      onSubmit: async (v) => { await write('boluses', { dose: `${v.mg} mg`, reason: v.reason }); return 'Bolus recorded.'; } }));
  }
  if (bedside) {
    out.push(form({ id: 'f-stop', title: sessions ? 'Stop the course of sessions' : 'Stop the infusion', submit: 'Record stop', fields: [{ name: 'reason', label: 'Reason', required: true }],
      onSubmit: async (v) => { await write('stop', v); return 'Stop recorded.'; } }));
  }
  if (!out.length) return;
  fill(box, h('h2', {}, 'Record'), h('div', { class: 'form-grid' }, out));
}
