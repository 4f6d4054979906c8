// Small DOM helpers. Text always goes in through textContent, never as HTML.

export const $ = (id) => document.getElementById(id);

/** h('a', { href: '#', class: 'x', onclick: fn }, 'text', child) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

export function show(element, visible = true) { element.hidden = !visible; }

export function showMessage(element, text) {
  element.textContent = text || '';
  element.hidden = !text;
}

/** A short message in the polite live region, gone after a few seconds. */
export function toast(text, kind = 'info') {
  const item = h('p', { class: `toast toast-${kind}` }, text);
  const region = $('toasts');
  region.append(item);
  while (region.childElementCount > 3) region.firstElementChild.remove();
  setTimeout(() => item.remove(), kind === 'error' ? 9000 : 4500);
}

const zone = () => document.body.dataset.timeZone || 'UTC';

/** A time in the newsroom's zone, e.g. "14 Jan 2025, 13:36 CET". */
export function formatTime(value) {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone(), day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
  }).format(date);
}

export function timeElement(value) {
  return value ? h('time', { datetime: new Date(value).toISOString() }, formatTime(value)) : '';
}

export const newsroomZone = zone;

/** The UTC instant of a wall-clock time ("2025-01-14T13:36") in the newsroom's zone. */
export function newsroomTimeToUtc(local) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local || '');
  if (!match) return null;
  const [, y, mo, d, hh, mi] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, hh, mi);
  // Two passes settle the offset also next to a daylight-saving change.
  let guess = wall - offsetAt(wall);
  guess = wall - offsetAt(guess);
  return new Date(guess);
}

/** The current wall-clock time in the newsroom's zone, formatted for a datetime-local input. */
export function newsroomNowInput(addMinutes = 0) {
  const at = Date.now() + addMinutes * 60000;
  const shifted = new Date(at + offsetAt(at));
  return shifted.toISOString().slice(0, 16);
}

function offsetAt(instant) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone(), hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function splitList(value) {
  return (value || '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}
