// The article list: one tab per status, a section filter, newest first, a cursor for more.
// Filters live in the address (#/articles?status=published&section=News) so they can be shared.

import { request } from './api.js';
import { $, h, replaceChildren, show, showMessage, timeElement } from './dom.js';
import { statusKey, statusLabel } from './model.js';

let filters = { status: '', section: '' };
let nextCursor = null;
let loading = 0;

export function init(navigate) {
  $('status-tabs').addEventListener('click', (event) => {
    const tab = event.target.closest('button[data-status]');
    if (tab) navigate(hashFor({ ...filters, status: tab.dataset.status }));
  });
  $('list-section').addEventListener('change', () => navigate(hashFor({ ...filters, section: $('list-section').value })));
  $('list-more').addEventListener('click', () => load(false));
}

function hashFor({ status, section }) {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (section) query.set('section', section);
  const text = query.toString();
  return text ? `#/articles?${text}` : '#/articles';
}

export function open(query) {
  filters = { status: query.get('status') || '', section: query.get('section') || '' };
  for (const tab of $('status-tabs').querySelectorAll('button[data-status]')) {
    tab.setAttribute('aria-pressed', String(tab.dataset.status === filters.status));
  }
  $('list-section').value = filters.section;
  document.title = 'Articles · NewsPlatform Editor';
  return load(true);
}

async function load(fresh) {
  const mine = ++loading;
  const query = new URLSearchParams();
  if (filters.status) query.set('status', filters.status);
  if (filters.section) query.set('section', filters.section);
  if (!fresh && nextCursor) query.set('cursor', nextCursor);
  showMessage($('list-error'), '');
  $('list-more').disabled = true;
  try {
    const { data } = await request('GET', `/api/authoring/articles${query.size ? `?${query}` : ''}`);
    if (mine !== loading) return;
    const items = Array.isArray(data?.items) ? data.items : [];
    nextCursor = data?.nextCursor || null;
    const rows = items.map(row);
    if (fresh) replaceChildren($('articles-body'), rows);
    else $('articles-body').append(...rows);
    show($('list-empty'), fresh && items.length === 0);
    show($('list-more'), Boolean(nextCursor));
  } catch (error) {
    if (mine === loading) showMessage($('list-error'), `The articles could not be loaded: ${error.message}`);
  } finally {
    $('list-more').disabled = false;
  }
}

function row(article) {
  const key = statusKey(article.status);
  return h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#/articles/${encodeURIComponent(article.id)}` }, article.headline || 'Untitled')),
    h('td', {}, article.section || '—'),
    h('td', {}, h('span', { class: `badge badge-${key}` }, statusLabel(article.status))),
    h('td', {}, (article.authors || []).join(', ') || '—'),
    h('td', {}, timeElement(key === 'scheduled' && article.scheduledFor ? article.scheduledFor : article.modifiedAt || article.updatedAt || article.createdAt)));
}
