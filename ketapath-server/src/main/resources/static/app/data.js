// Shared reads: ward lists, patients, protocols. Cached per page load where they do not change.
import { get } from './api.js';

let protocols = null;
export async function protocolList() {
  if (!protocols) protocols = await get('/api/protocols');
  return protocols;
}
export async function protocolOf(episode) {
  return (await protocolList()).find((p) => p.id === episode.protocolId && p.version === episode.protocolVersion);
}

export async function wards() {
  const [episodes, patients] = await Promise.all([get('/api/episodes'), get('/api/patients')]);
  return [...new Set([...episodes, ...patients].map((e) => e.ward))].sort();
}

export function chosenWard(list) {
  const saved = localStorage.getItem('kp.ward');
  return saved && list.includes(saved) ? saved : list[0];
}

export async function patientsById(ward) {
  const list = await get('/api/patients' + (ward ? '?ward=' + encodeURIComponent(ward) : ''));
  return Object.fromEntries(list.map((p) => [p.id, p]));
}

const RATE_EVENTS = ['started', 'rateChange', 'taperStep', 'sessionStart'];
/** The recorded rate changes, in time order, as written (with units). */
export function rateHistory(events) {
  return events.filter((e) => RATE_EVENTS.includes(e.type) || e.type === 'stopped' || e.type === 'sessionEnd')
    .map((e) => ({ t: Date.parse(e.occurredAt), type: e.type, rate: e.payload.rate, ev: e }))
    .sort((a, b) => a.t - b.t);
}
export function lastRateChange(events) {
  const r = rateHistory(events).filter((x) => RATE_EVENTS.includes(x.type));
  return r.length ? r[r.length - 1].ev.occurredAt : null;
}

/** Converts a recorded rate to mg/h for charting, with the verified weight and the bag concentration. */
export function toMgPerHour(rate, weightKg, mgPerMl) {
  if (!rate) return 0;
  const m = /^\s*([0-9.]+)\s*(mg\/kg\/h|mg\/h|mL\/h)\s*$/i.exec(rate);
  if (!m) return null;
  const v = Number(m[1]);
  const unit = m[2].toLowerCase();
  if (unit === 'mg/kg/h') return weightKg ? v * weightKg : null;
  if (unit === 'ml/h') return mgPerMl ? v * mgPerMl : null;
  return v;
}
export function mgPerMl(conc) {
  const m = /^\s*([0-9.]+)\s*mg\/mL/i.exec(conc || '');
  return m ? Number(m[1]) : null;
}
export function facts(events) {
  const verified = [...events].reverse().find((e) => e.type === 'verified');
  const ordered = [...events].reverse().find((e) => e.type === 'ordered');
  const weight = [...events].reverse().find((e) => e.type === 'weight');
  return {
    verified, ordered,
    weightKg: verified ? Number(verified.payload.weightKg) : weight ? Number(weight.payload.kg) : null,
    concentration: (verified && verified.payload.concentration) || (ordered && ordered.payload.concentration) || null,
  };
}
