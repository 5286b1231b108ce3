// Small DOM helpers: elements are built with text nodes only (never HTML from data).
import { currentSession } from './api.js';

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function zone() { return (currentSession() && currentSession().timeZone) || 'UTC'; }

const dtf = () => new Intl.DateTimeFormat('en-GB', {
  timeZone: zone(), weekday: 'short', day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false,
});
const tf = () => new Intl.DateTimeFormat('en-GB', { timeZone: zone(), hour: '2-digit', minute: '2-digit', hour12: false });
const df = () => new Intl.DateTimeFormat('en-GB', { timeZone: zone(), day: '2-digit', month: 'short' });

export function fmtTime(iso) { return iso ? dtf().format(new Date(iso)) : '-'; }
export function fmtClock(iso) { return iso ? tf().format(new Date(iso)) : '-'; }
export function fmtDay(iso) { return iso ? df().format(new Date(iso)) : '-'; }

export function since(iso, now = Date.now()) {
  if (!iso) return '-';
  let m = Math.round((now - new Date(iso).getTime()) / 60000);
  const sign = m < 0 ? 'in ' : '';
  m = Math.abs(m);
  const text = m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
  return sign ? sign + text : text + ' ago';
}

export function rules(ids) {
  if (!ids || !ids.length) return null;
  return h('span', { class: 'rules' }, ids.map((r) => h('span', { class: 'rule' }, r)));
}

/** The rate in all three units, as the server computed it. */
export function rateText(r) {
  if (!r) return '-';
  return `${r.mgPerHour} mg/h = ${r.mgPerKgPerHour} mg/kg/h -> pump ${r.pumpMlPerHour} mL/h`;
}

export function rateCells(r) {
  if (!r) return h('span', { class: 'muted' }, 'not running');
  return h('span', { class: 'rate' },
    h('strong', {}, `${r.mgPerHour} mg/h`), h('br'), `${r.mgPerKgPerHour} mg/kg/h`, h('br'), `pump ${r.pumpMlPerHour} mL/h`);
}

export function patientName(p) {
  return p ? `${p.familyName}, ${p.givenName}` : 'unknown patient';
}

export function section(title, ...children) {
  const id = 'h-' + title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return h('section', { 'aria-labelledby': id, class: 'card' }, h('h2', { id }, title), ...children);
}

export function table(caption, headers, rows, attrs = {}) {
  return h('table', attrs,
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows));
}

export function errorBox(text) {
  return h('p', { class: 'error', role: 'alert' }, text);
}

export function problemText(e) {
  const p = e.problem || {};
  const parts = [p.detail || e.message];
  if (p.rules && p.rules.length) parts.push(`[${p.rules.join(', ')}]`);
  return parts.join(' ');
}

let fieldSeq = 0;
/**
 * A form with labelled fields. Each field: {name, label, type, min, max, step, required, options,
 * value, hint, check(value) -> message}. Range checks here are immediate feedback only; the
 * server is the authority and its problem (field, rules, detail) is shown next to the field.
 */
export function form({ id, title, fields, submit, onSubmit, note }) {
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const inputs = {};
  const errors = {};
  const rows = fields.map((f) => {
    const fid = `${id}-${f.name}-${++fieldSeq}`;
    const err = h('span', { class: 'field-error', id: fid + '-err', 'aria-live': 'polite' });
    errors[f.name] = err;
    let input;
    if (f.options) {
      input = h('select', { id: fid, name: f.name, required: f.required, 'aria-describedby': fid + '-err' },
        f.options.map((o) => {
          const [v, l] = Array.isArray(o) ? o : [o, o];
          return h('option', { value: v, selected: String(f.value) === String(v) }, l);
        }));
    } else if (f.type === 'textarea') {
      input = h('textarea', { id: fid, name: f.name, required: f.required, rows: 2, 'aria-describedby': fid + '-err' });
      if (f.value !== undefined) input.value = f.value;
    } else if (f.type === 'checkbox') {
      input = h('input', { id: fid, name: f.name, type: 'checkbox', checked: !!f.value, 'aria-describedby': fid + '-err' });
    } else {
      input = h('input', {
        id: fid, name: f.name, type: f.type || 'text', min: f.min, max: f.max, step: f.step, required: f.required,
        inputmode: f.type === 'number' ? 'decimal' : undefined, 'aria-describedby': fid + '-err', placeholder: f.placeholder,
      });
      if (f.value !== undefined && f.value !== null) input.value = f.value;
    }
    inputs[f.name] = input;
    return h('div', { class: 'field' + (f.type === 'checkbox' ? ' check' : '') },
      h('label', { for: fid }, f.label), input, f.hint ? h('span', { class: 'hint' }, f.hint) : null, err);
  });
  const button = h('button', { type: 'submit' }, submit);
  const el = h('form', { id, class: 'kp-form', novalidate: true }, title ? h('h3', {}, title) : null,
    note ? h('p', { class: 'note' }, note) : null, rows, h('div', { class: 'actions' }, button), status);

  const clear = () => { Object.values(errors).forEach((e) => { e.textContent = ''; }); status.textContent = ''; status.className = 'form-status'; };
  const values = () => {
    const out = {};
    for (const f of fields) {
      const i = inputs[f.name];
      if (f.type === 'checkbox') out[f.name] = i.checked;
      else if (i.value === '') continue;
      else if (f.type === 'number') out[f.name] = Number(i.value);
      else out[f.name] = i.value;
    }
    return out;
  };
  const localCheck = () => {
    let ok = true;
    for (const f of fields) {
      const i = inputs[f.name];
      let msg = '';
      const v = i.value;
      if (f.required && v === '' && f.type !== 'checkbox') msg = `${f.label} is required`;
      else if (f.type === 'number' && v !== '') {
        const n = Number(v);
        if (!Number.isFinite(n)) msg = `${f.label} must be a number`;
        else if (f.min !== undefined && n < f.min) msg = `${f.label} must be ${f.min} to ${f.max}; ${v} is out of range`;
        else if (f.max !== undefined && n > f.max) msg = `${f.label} must be ${f.min} to ${f.max}; ${v} is out of range`;
        else if (f.integer && !Number.isInteger(n)) msg = `${f.label} must be a whole number`;
      }
      if (!msg && f.check) msg = f.check(v, values()) || '';
      if (msg) {
        ok = false;
        errors[f.name].textContent = msg;
        i.setAttribute('aria-invalid', 'true');
      } else {
        i.removeAttribute('aria-invalid');
      }
    }
    return ok;
  };
  el.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear();
    if (!localCheck()) {
      status.textContent = 'Not sent: correct the marked field.';
      status.className = 'form-status error';
      const bad = el.querySelector('[aria-invalid="true"]');
      if (bad) bad.focus();
      return;
    }
    button.disabled = true;
    try {
      const msg = await onSubmit(values(), inputs);
      el.reset(); // a recorded value is not left in the form to be sent twice
      status.textContent = msg || 'Recorded.';
      status.className = 'form-status ok';
    } catch (e) {
      const p = e.problem || {};
      const text = problemText(e);
      const alias = p.field && fields.find((f) => f.serverField === p.field);
      const fieldName = p.field && (inputs[p.field] ? p.field : alias ? alias.name : Object.keys(inputs).find((n) => p.field.endsWith(n)));
      if (fieldName) {
        errors[fieldName].textContent = text;
        inputs[fieldName].setAttribute('aria-invalid', 'true');
      }
      (p.errors || []).forEach((x) => { if (errors[x.field]) errors[x.field].textContent = `${x.message} [${x.rule}]`; });
      status.textContent = `Refused (${e.status || 'error'}): ${text}`;
      status.className = 'form-status error';
    } finally {
      button.disabled = false;
    }
  });
  el.inputs = inputs;
  return el;
}

/** replaceChildren that skips absent parts (null, undefined, false) instead of printing them. */
export function fill(el, ...kids) {
  el.replaceChildren(...kids.flat().filter((k) => k !== null && k !== undefined && k !== false));
}
