// Hand-written SVG time charts. Each chart is an image with a text description and a data table
// for screen readers (in a <details> below it).
import { h, fmtClock, fmtDay } from './ui.js';

const NS = 'http://www.w3.org/2000/svg';
function s(tag, attrs, ...kids) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) el.setAttribute(k, v);
  for (const c of kids) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/**
 * opts: {title, desc, tMin, tMax (ms), yMin, yMax, yLabel, series: [{label, cls, points: [{t, v}], step}],
 * bands: [{from, to, cls, label}], hlines: [{v, cls, label}], marks: [{t, label, cls}], table: {headers, rows}}
 */
export function timeChart(opts) {
  const W = 720, H = 220, L = 48, R = 12, T = 14, B = 30;
  const { tMin, tMax } = opts;
  const yMin = opts.yMin, yMax = opts.yMax;
  const x = (t) => L + ((t - tMin) / Math.max(1, tMax - tMin)) * (W - L - R);
  const y = (v) => T + (1 - (v - yMin) / Math.max(1e-9, yMax - yMin)) * (H - T - B);
  const id = 'c' + Math.random().toString(36).slice(2, 8);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, class: 'chart' },
    s('title', { id: `${id}-t` }, opts.title), s('desc', { id: `${id}-d` }, opts.desc || ''));
  for (const b of opts.bands || []) {
    const top = y(Math.min(yMax, b.to)), bot = y(Math.max(yMin, b.from));
    svg.append(s('rect', { x: L, y: top, width: W - L - R, height: Math.max(0, bot - top), class: 'band ' + (b.cls || '') },
      s('title', {}, b.label)));
    svg.append(s('text', { x: W - R - 4, y: top + 11, class: 'band-label', 'text-anchor': 'end' }, b.label));
  }
  // axes and grid
  const ticks = 5;
  for (let i = 0; i <= ticks; i++) {
    const v = yMin + ((yMax - yMin) * i) / ticks;
    svg.append(s('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
    svg.append(s('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, Math.round(v * 10) / 10));
  }
  const span = tMax - tMin;
  const tStep = span > 3 * 86400e3 ? 86400e3 : span > 36 * 3600e3 ? 12 * 3600e3 : span > 12 * 3600e3 ? 4 * 3600e3 : 3600e3;
  for (let t = Math.ceil(tMin / tStep) * tStep; t <= tMax; t += tStep) {
    svg.append(s('line', { x1: x(t), x2: x(t), y1: T, y2: H - B, class: 'grid' }));
    const iso = new Date(t).toISOString();
    svg.append(s('text', { x: x(t), y: H - B + 14, 'text-anchor': 'middle', class: 'axis' },
      tStep >= 86400e3 ? fmtDay(iso) : fmtClock(iso)));
  }
  svg.append(s('text', { x: 4, y: T - 2, class: 'axis' }, opts.yLabel || ''));
  for (const l of opts.hlines || []) {
    svg.append(s('line', { x1: L, x2: W - R, y1: y(l.v), y2: y(l.v), class: 'hline ' + (l.cls || '') }, s('title', {}, l.label)));
    svg.append(s('text', { x: L + 4, y: y(l.v) - 4, class: 'hline-label ' + (l.cls || '') }, l.label));
  }
  for (const ser of opts.series || []) {
    const pts = ser.points.filter((p) => p.v !== null && p.v !== undefined && !Number.isNaN(p.v));
    if (!pts.length) continue;
    let d = '';
    pts.forEach((p, i) => {
      if (i === 0) d += `M${x(p.t)},${y(p.v)}`;
      else if (ser.step) d += `H${x(p.t)}V${y(p.v)}`;
      else d += `L${x(p.t)},${y(p.v)}`;
    });
    if (ser.step) d += `H${x(ser.until || tMax)}`;
    svg.append(s('path', { d, class: 'series ' + (ser.cls || '') }));
    // Every recorded value gets a dot: a step line's last change near "now" would otherwise be invisible.
    for (const p of pts) svg.append(s('circle', { cx: x(p.t), cy: y(p.v), r: ser.step ? 2.5 : 3.5, class: 'dot ' + (ser.cls || '') },
      s('title', {}, `${ser.label} ${p.v} at ${fmtClock(new Date(p.t).toISOString())}`)));
  }
  for (const m of opts.marks || []) {
    const mx = x(m.t);
    svg.append(s('path', { d: `M${mx - 6},${H - B} L${mx + 6},${H - B} L${mx},${H - B - 10} Z`, class: 'mark ' + (m.cls || '') },
      s('title', {}, m.label)));
  }
  const legend = h('ul', { class: 'legend' },
    (opts.series || []).map((ser) => h('li', { class: 'lg ' + (ser.cls || '') }, ser.label)),
    (opts.hlines || []).map((l) => h('li', { class: 'lg ' + (l.cls || '') }, l.label)),
    (opts.marks || []).length ? h('li', { class: 'lg mark' }, opts.markLabel || 'marks') : null);
  const tbl = opts.table ? h('details', {}, h('summary', {}, `Data for "${opts.title}"`),
    h('table', {}, h('thead', {}, h('tr', {}, opts.table.headers.map((x2) => h('th', { scope: 'col' }, x2)))),
      h('tbody', {}, opts.table.rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c))))))) : null;
  return h('figure', { class: 'chart-box' }, h('figcaption', {}, opts.title), svg, legend, tbl);
}
