// Revision history: every version of the article, the article exactly as it was at any of them,
// a field-by-field comparison of two versions with word-level marks, and the audit trail.

import { request } from './api.js';
import { restoreOnOpen } from './article.js';
import { $, formatTime, h, replaceChildren, showMessage, timeElement } from './dom.js';
import { eventLabel, fieldLabel, statusLabel } from './model.js';
import { diffList, diffWords } from './textdiff.js';

let articleId = null;
let navigateTo = () => {};
let revisions = [];

export function init(navigate) {
  navigateTo = navigate;
  $('compare-form').addEventListener('submit', (event) => {
    event.preventDefault();
    compare(Number($('compare-from').value), Number($('compare-to').value));
  });
}

const latestVersion = () => revisions[revisions.length - 1]?.version;

const base = () => `/api/authoring/articles/${encodeURIComponent(articleId)}`;

export async function open(id) {
  articleId = id;
  showMessage($('history-error'), '');
  $('history-back').href = `#/articles/${encodeURIComponent(id)}`;
  $('history-edit').href = `#/articles/${encodeURIComponent(id)}`;
  replaceChildren($('revisions'));
  replaceChildren($('diff'));
  replaceChildren($('audit-body'));
  try {
    const [{ data: article }, { data: list }] = await Promise.all([
      request('GET', base()),
      request('GET', `${base()}/revisions`),
    ]);
    $('history-back').textContent = article.headline || 'Article';
    $('history-title').textContent = `History of “${article.headline || 'Untitled'}”`;
    document.title = `History · ${article.headline || 'Untitled'} · NewsPlatform Editor`;
    revisions = (Array.isArray(list) ? list : []).slice().sort((a, b) => a.version - b.version);
    renderRevisions();
    fillCompareSelects();
    const latest = revisions[revisions.length - 1]?.version;
    if (latest) {
      await Promise.all([compare(Math.max(1, latest - 1), latest), showSnapshot(latest)]);
    }
  } catch (error) {
    showMessage($('history-error'), `The history could not be loaded: ${error.message}`);
  }
  loadAudit();
}

function renderRevisions() {
  replaceChildren($('revisions'), revisions.slice().reverse().map((revision) =>
    h('li', {},
      h('button', {
        type: 'button',
        class: 'revision',
        'data-version': revision.version,
        onclick: () => {
          const from = Math.max(1, revision.version - 1);
          $('compare-from').value = String(from);
          $('compare-to').value = String(revision.version);
          compare(from, revision.version);
          showSnapshot(revision.version);
        },
      },
      h('span', { class: 'revision-version' }, `v${revision.version}`),
      h('span', { class: 'revision-event' }, eventLabel(revision.event)),
      h('span', { class: 'revision-by' }, revision.by || 'unknown'),
      h('span', { class: 'revision-at' }, timeElement(revision.at))))));
}

function fillCompareSelects() {
  const options = () => revisions.map((r) => h('option', { value: r.version }, `v${r.version} · ${eventLabel(r.event)}`));
  replaceChildren($('compare-from'), options());
  replaceChildren($('compare-to'), options());
}

async function compare(from, to) {
  $('compare-from').value = String(from);
  $('compare-to').value = String(to);
  for (const button of $('revisions').querySelectorAll('button.revision')) {
    button.setAttribute('aria-current', String(Number(button.dataset.version) === to));
  }
  const target = $('diff');
  if (from === to) {
    replaceChildren(target, h('p', { class: 'muted' }, 'Choose two different versions to compare.'));
    return;
  }
  replaceChildren(target, h('p', { class: 'muted' }, 'Comparing…'));
  try {
    const { data } = await request('GET', `${base()}/diff?from=${from}&to=${to}`);
    const changes = normalizeDiff(data);
    replaceChildren(target,
      h('p', { class: 'diff-summary' }, changes.length === 0
        ? `No differences between version ${from} and version ${to}.`
        : `${changes.length} ${changes.length === 1 ? 'field' : 'fields'} changed from version ${from} to version ${to}.`),
      changes.map(renderChange));
  } catch (error) {
    replaceChildren(target, h('p', { class: 'notice notice-error' }, `The comparison could not be loaded: ${error.message}`));
  }
}

/** Accepts the diff as a list of changes, or wrapped in { changes }, or keyed by field. */
export function normalizeDiff(data) {
  const pick = (o, ...names) => names.map((n) => o?.[n]).find((v) => v !== undefined);
  const raw = Array.isArray(data) ? data : pick(data, 'changes', 'fields', 'differences') ?? data;
  const list = Array.isArray(raw)
    ? raw
    : Object.entries(raw || {}).filter(([, v]) => v && typeof v === 'object').map(([field, v]) => ({ field, ...v }));
  return list
    .map((c) => ({
      field: String(pick(c, 'field', 'name', 'path') ?? ''),
      before: pick(c, 'from', 'before', 'old', 'oldValue'),
      after: pick(c, 'to', 'after', 'new', 'newValue'),
    }))
    .filter((c) => c.field);
}

function renderChange({ field, before, after }) {
  return h('section', { class: 'diff-field' },
    h('h3', {}, fieldLabel(field)),
    Array.isArray(before) || Array.isArray(after) ? listDiff(before, after) : textDiff(before, after, field));
}

function listDiff(before, after) {
  const items = diffList(toStrings(before), toStrings(after));
  if (items.length === 0) return h('p', { class: 'muted' }, 'Empty');
  return h('ul', { class: 'chips' }, items.map(({ op, text }) => h('li', { class: `chip chip-${op}` }, mark(op, text))));
}

const toStrings = (value) => (Array.isArray(value) ? value.map((v) => (typeof v === 'object' && v !== null ? v.note ?? JSON.stringify(v) : String(v))) : []);

function textDiff(before, after, field) {
  const show = (v) => (v === null || v === undefined ? '' : field === 'status' ? statusLabel(v) : isTime(v) ? formatTime(v) : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const ops = diffWords(show(before), show(after));
  return h('p', { class: `diff-text${field === 'body' ? ' diff-body' : ''}` }, ops.map(({ op, text }) => (op === 'same' ? collapse(text) : mark(op, text))));
}

const isTime = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v);

/** <del>/<ins> with words a screen reader speaks, since it does not announce the marks themselves. */
function mark(op, text) {
  if (op === 'same') return text;
  const spoken = h('span', { class: 'visually-hidden' }, op === 'del' ? ' [removed: ' : ' [added: ');
  const end = h('span', { class: 'visually-hidden' }, '] ');
  return h(op === 'del' ? 'del' : 'ins', {}, spoken, text, end);
}

// Long unchanged stretches of a body shrink to their ends, so the changes stand out.
function collapse(text) {
  if (text.length <= 600) return text;
  const head = text.slice(0, 240);
  const tail = text.slice(-240);
  return [head, h('span', { class: 'diff-gap' }, ` … ${text.length - 480} unchanged characters … `), tail];
}

async function showSnapshot(version) {
  const target = $('snapshot');
  $('snapshot-title').textContent = `As it was at version ${version}`;
  replaceChildren(target, h('p', { class: 'muted' }, 'Loading…'));
  try {
    const { data } = await request('GET', `${base()}/revisions/${version}`);
    const row = (label, value) => [h('dt', {}, label), h('dd', {}, value || '—')];
    replaceChildren(target,
      h('p', { class: 'snapshot-headline' }, data.headline || 'Untitled'),
      data.standfirst ? h('p', { class: 'snapshot-standfirst' }, data.standfirst) : null,
      h('dl', { class: 'snapshot-meta' },
        row('Status', statusLabel(data.status)),
        row('Section', data.section),
        row('Authors', (data.authors || []).join(', ')),
        row('Tags', (data.tags || []).join(', ')),
        row('Address', data.url || data.slug),
        row('Earlier addresses', (data.previousSlugs || []).join(', ')),
        row('Hero image', data.heroMediaId),
        row('Published', formatTime(data.publishedAt)),
        row('Scheduled for', formatTime(data.scheduledFor))),
      h('details', { class: 'snapshot-body' }, h('summary', {}, 'Body (Markdown as written)'), h('pre', {}, data.body || '')),
      version === latestVersion() ? null : h('div', { class: 'button-row' }, h('button', {
        type: 'button',
        class: 'button',
        onclick: () => {
          restoreOnOpen({ ...data, version });
          navigateTo(`#/articles/${encodeURIComponent(articleId)}`);
        },
      }, `Restore the text of version ${version}`)));
  } catch (error) {
    replaceChildren(target, h('p', { class: 'notice notice-error' }, `Version ${version} could not be loaded: ${error.message}`));
  }
}

async function loadAudit() {
  const body = $('audit-body');
  try {
    const { data } = await request('GET', `${base()}/audit`);
    const entries = Array.isArray(data) ? data.slice().sort((a, b) => b.version - a.version) : [];
    replaceChildren(body, entries.map((e) => h('tr', {},
      h('td', {}, `v${e.version}`),
      h('td', {}, h('span', { class: 'audit-action' }, eventLabel(e.action)), e.detail ? h('span', { class: 'audit-detail' }, e.detail) : null),
      h('td', {}, e.by || '—'),
      h('td', {}, timeElement(e.at)),
      h('td', {}, h('code', { class: 'correlation' }, e.correlationId || '—')))));
  } catch (error) {
    replaceChildren(body, h('tr', {}, h('td', { colspan: 5 }, `The audit trail could not be loaded: ${error.message}`)));
  }
}
