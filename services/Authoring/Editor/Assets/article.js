// Writing and editing one article. Every save sends If-Match with the version this page loaded;
// when someone else saved first the server answers 412 and the page says so, keeps the text on
// screen, and lets the person load the other version. It never retries over someone's work.

import { request, versionFromETag } from './api.js';
import { askCorrection, askScheduleTime, askUnpublishReason } from './dialogs.js';
import { $, formatTime, h, replaceChildren, show, showMessage, splitList, toast } from './dom.js';
import { currentHeroId, initHero, loadHero } from './media.js';
import { actionsFor, canEdit, editableFields, fieldLabel, hasBeenPublic, statusKey, statusLabel } from './model.js';
import { schedulePreview } from './preview.js';

const articlesPath = '/api/authoring/articles';
const actionButtons = ['submit', 'approve', 'schedule', 'unschedule', 'correction', 'unpublish', 'publish'];
const actionNames = {
  submit: 'Submitting for review', approve: 'Approving', schedule: 'Scheduling', unschedule: 'Unscheduling',
  correction: 'The correction', unpublish: 'Unpublishing', publish: 'Publishing',
};

const state = {
  article: null,      // the article as the server last gave it to this page
  version: null,      // the version edits are based on (sent as If-Match)
  dirty: false,
  busy: false,
  conflict: false,
  restore: null,      // fields of a past revision to apply on the next open
};

export const isDirty = () => state.dirty;
export const currentArticleId = () => state.article?.id ?? null;

export function init(navigate) {
  $('article-form').addEventListener('submit', (event) => { event.preventDefault(); save(); });
  $('article-form').addEventListener('input', changed);
  $('article-form').addEventListener('change', changed);
  initHero(changed);
  $('conflict-reload').addEventListener('click', reloadTheirVersion);
  $('newer-reload').addEventListener('click', reloadTheirVersion);
  setInterval(checkForNewer, WATCH_MS);
  document.addEventListener('visibilitychange', checkForNewer);
  $('conflict-dismiss').addEventListener('click', () => {
    show($('conflict'), false);
    showMessage($('article-error'), 'Your text is still based on an older version. Saving it will be refused until you reload the current version.');
  });
  $('action-history').addEventListener('click', () => navigate(`#/articles/${state.article.id}/history`));
  for (const action of actionButtons) $(`action-${action}`).addEventListener('click', () => perform(action));
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's' && !$('view-article').hidden) {
      event.preventDefault();
      save();
    }
  });
  window.addEventListener('beforeunload', (event) => {
    if (state.dirty) event.preventDefault();
  });
}

/** Applies a past revision's fields as unsaved changes the next time that article opens. */
export function restoreOnOpen(fields) { state.restore = fields; }

/** Forgets unsaved changes the person chose to leave behind. */
export function discard() { state.dirty = false; }

export async function openNew() {
  // An unsaved new article survives signing in again after the session ended.
  if (!state.article && state.dirty) { render(); return; }
  reset();
  fill({ headline: '', standfirst: '', body: '', section: '', authors: [], tags: [], slug: '', heroMediaId: null });
  render();
}

export async function open(id) {
  // Coming back to the article being edited (e.g. after signing in again) keeps unsaved work.
  if (state.article?.id === id && state.dirty && !state.restore) { render(); return; }
  reset();
  render();
  try {
    const loaded = await load(id);
    accept(loaded);
    fill(loaded);
    if (state.restore) applyRestore();
    render();
  } catch (error) {
    // Nothing to edit: no form, so nothing typed here could be saved as a new article by mistake.
    show($('editor-grid'), false);
    show($('action-save'), false);
    showMessage($('article-error'), error.status === 404 ? 'This article does not exist.' : `The article could not be loaded: ${error.message}`);
  }
}

async function load(id) {
  const { data, etag } = await request('GET', `${articlesPath}/${encodeURIComponent(id)}`);
  return withVersion(data, etag);
}

function withVersion(article, etag) {
  const version = typeof article.version === 'number' ? article.version : versionFromETag(etag);
  return { ...article, version };
}

function reset() {
  state.article = null;
  state.version = null;
  state.dirty = false;
  state.conflict = false;
  show($('editor-grid'), true);
  show($('conflict'), false);
  show($('newer'), false);
  show($('kept'), false);
  showMessage($('article-error'), '');
}

function accept(article) {
  state.article = article;
  state.version = article.version;
}

function applyRestore() {
  const fields = state.restore;
  state.restore = null;
  fill({ ...fields, heroMediaId: fields.heroMediaId ?? null });
  changed();
  toast(`The text of version ${fields.version} is in the editor. Save to make it the current version.`, 'info');
}

function fill(article) {
  $('f-headline').value = article.headline ?? '';
  $('f-standfirst').value = article.standfirst ?? '';
  $('f-body').value = article.body ?? '';
  $('f-section').value = article.section ?? '';
  if (article.section && $('f-section').value !== article.section) {
    // A section no longer configured still shows, so saving does not silently move the article.
    $('f-section').append(h('option', { value: article.section }, `${article.section} (not configured)`));
    $('f-section').value = article.section;
  }
  $('f-authors').value = (article.authors ?? []).join(', ');
  $('f-tags').value = (article.tags ?? []).join(', ');
  $('f-slug').value = article.slug ?? '';
  loadHero(article.heroMediaId);
  schedulePreview(readForm());
  renderCounts();
}

/** The form as the API takes it on create; empty optional fields are left out. */
function readForm() {
  const article = {
    headline: $('f-headline').value.trim(),
    standfirst: $('f-standfirst').value.trim(),
    body: $('f-body').value,
    section: $('f-section').value,
    authors: splitList($('f-authors').value),
    tags: splitList($('f-tags').value),
  };
  const slug = $('f-slug').value.trim();
  if (slug) article.slug = slug;
  const hero = currentHeroId();
  if (hero) article.heroMediaId = hero;
  return article;
}

/** An edit leaves out nothing it shows; a removed image and a significant update are said explicitly. */
function editRequest(fields) {
  const edit = { ...fields };
  if (!edit.heroMediaId && state.article?.heroMediaId) edit.removeHeroMedia = true;
  if (statusKey(state.article?.status) === 'published' && $('f-significant').checked) edit.significant = true;
  return edit;
}

/** A correction may change the text and credits, never the address (section, slug). */
function correctionChanges(fields) {
  const { headline, standfirst, body, authors, tags, heroMediaId } = fields;
  return heroMediaId ? { headline, standfirst, body, authors, tags, heroMediaId } : { headline, standfirst, body, authors, tags };
}

function changed(event) {
  event?.target?.removeAttribute?.('aria-invalid');
  state.dirty = true;
  schedulePreview(readForm());
  renderCounts();
  renderSaveState();
}

/** Lengths against the newsroom's limits, and the body's words and reading time. */
function renderCounts() {
  const headline = $('f-headline');
  const standfirst = $('f-standfirst');
  $('f-headline-count').textContent = `${headline.value.length} of ${headline.maxLength} characters`;
  $('f-standfirst-count').textContent = `${standfirst.value.length} of ${standfirst.maxLength} characters.`;
  const words = ($('f-body').value.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) || []).length;
  $('f-body-count').textContent = words === 0 ? '' : `${words} ${words === 1 ? 'word' : 'words'} · about ${Math.max(1, Math.round(words / 230))} min read`;
}

async function save() {
  if (state.busy) return false;
  if (!$('f-headline').value.trim()) {
    showMessage($('article-error'), 'Write a headline before saving.');
    $('f-headline').focus();
    return false;
  }
  const fields = readForm();
  const creating = !state.article;
  state.busy = true;
  renderSaveState();
  showMessage($('article-error'), '');
  try {
    const response = creating
      ? await request('POST', articlesPath, { body: fields })
      : await request('PUT', `${articlesPath}/${state.article.id}`, { body: editRequest(fields), ifMatch: state.version });
    const saved = withVersion(response.data, response.etag);
    const unchangedSince = JSON.stringify(readForm()) === JSON.stringify(fields);
    accept(saved);
    if (unchangedSince) {
      state.dirty = false;
      fill(saved);
    }
    $('f-significant').checked = false;
    toast(creating ? 'Article created.' : `Saved as version ${saved.version}.`, 'success');
    if (creating) history.replaceState(null, '', `#/articles/${saved.id}`);
    return true;
  } catch (error) {
    failed(error, creating ? 'The article was not created' : 'Your changes were not saved');
    return false;
  } finally {
    state.busy = false;
    render();
  }
}

function failed(error, what) {
  if (error.status === 412) return conflict();
  markInvalid(error.body?.errors);
  const reason = error.status === 403
    ? 'Your role does not allow this.'
    : error.message;
  showMessage($('article-error'), `${what}: ${reason}`);
  $('article-error').scrollIntoView({ block: 'nearest' });
}

/** Points at the fields a refusal names (e.g. { headline: [...], authors: [...] }). */
function markInvalid(errors) {
  const fields = errors && typeof errors === 'object' ? Object.keys(errors) : [];
  const controls = fields.map((field) => document.getElementById(`f-${field}`)).filter(Boolean);
  controls.forEach((control) => control.setAttribute('aria-invalid', 'true'));
  controls[0]?.focus();
}

async function conflict() {
  state.conflict = true;
  show($('newer'), false);
  show($('conflict'), true);
  $('conflict-detail').textContent = 'Your changes have not been saved, and nothing was overwritten.';
  $('conflict').scrollIntoView({ block: 'nearest' });
  $('conflict-reload').focus();
  try {
    const latest = await load(state.article.id);
    $('conflict-detail').textContent =
      `You were editing version ${state.version}; ${await describeSave(latest)}. ` +
      'Your changes have not been saved, and nothing was overwritten.';
  } catch {
    // The short message above already says what matters.
  }
}

/** "version 4 was saved by someone@newsroom at 14 Jan 2025, 13:36 CET" */
async function describeSave(latest) {
  const { data: revisions } = await request('GET', `${articlesPath}/${latest.id}/revisions`, { quiet: true });
  const last = Array.isArray(revisions) ? revisions[revisions.length - 1] : null;
  const who = last?.by ? ` by ${last.by}` : '';
  const when = last?.at ? ` at ${formatTime(last.at)}` : '';
  return `version ${latest.version} was saved${who}${when}`;
}

// Someone else's save is announced as soon as it is noticed, so nobody writes on for an hour
// against a version that will be refused.
const WATCH_MS = 20000;

async function checkForNewer() {
  if ($('view-article').hidden || !state.article || state.busy || state.conflict || document.visibilityState !== 'visible') return;
  const { id } = state.article;
  const { version } = state;
  try {
    const response = await request('GET', `${articlesPath}/${id}`, { ifNoneMatch: version, quiet: true });
    if (response.status === 304 || state.article?.id !== id || state.version !== version) return;
    const latest = withVersion(response.data, response.etag);
    if (latest.version <= version) return;
    const saved = await describeSave(latest);
    $('newer-detail').textContent = state.dirty
      ? `While you were editing, ${saved}. Saving your changes would be refused: load their version first; your text stays on screen.`
      : `${saved.charAt(0).toUpperCase()}${saved.slice(1)}. You are looking at version ${version}.`;
    $('newer-reload').textContent = `Load version ${latest.version}`;
    show($('newer'), true);
  } catch {
    // A check that fails is simply tried again on the next tick.
  }
}

async function reloadTheirVersion() {
  const mine = readForm();
  try {
    const latest = await load(state.article.id);
    if (state.dirty) keep(mine, latest);
    else show($('kept'), false);
    accept(latest);
    state.dirty = false;
    state.conflict = false;
    fill(latest);
    show($('conflict'), false);
    show($('newer'), false);
    showMessage($('article-error'), '');
    render();
    toast(`Loaded version ${latest.version}.${$('kept').hidden ? '' : ' Your unsaved text is kept below the toolbar.'}`, 'info');
    $('f-headline').focus();
  } catch (error) {
    showMessage($('article-error'), `The current version could not be loaded: ${error.message}`);
  }
}

/** Keeps the person's own text on screen after a reload, for the fields that differ. */
function keep(mine, theirs) {
  const list = $('kept-fields');
  list.replaceChildren();
  for (const field of editableFields) {
    const value = mine[field];
    const text = Array.isArray(value) ? value.join(', ') : (value ?? '');
    const other = Array.isArray(theirs[field]) ? theirs[field].join(', ') : (theirs[field] ?? '');
    if (String(text) === String(other)) continue;
    list.append(h('dt', {}, fieldLabel(field)), h('dd', {}, h('pre', { class: 'kept-text' }, String(text))));
  }
  show($('kept'), list.childElementCount > 0);
}

async function perform(action) {
  if (state.busy || !state.article) return;
  if (state.conflict) return conflict();
  const id = state.article.id;
  const post = (path, body) => request('POST', `${articlesPath}/${id}/${path}`, { body, ifMatch: state.version });

  if (action === 'correction') {
    const unsaved = state.dirty;
    const done = await askCorrection(unsaved, async ({ note, includeChanges }) => {
      const body = includeChanges ? { note, changes: correctionChanges(readForm()) } : { note };
      return finishAction(await post('corrections', body), 'Correction published.', includeChanges);
    });
    return done && render();
  }
  if (state.dirty && !(await save())) return;

  try {
    if (action === 'schedule') {
      await askScheduleTime(null, async ({ publishAt }) =>
        finishAction(await post('schedule', { publishAt }), `Scheduled for ${formatTime(publishAt)}.`));
    } else if (action === 'unpublish') {
      await askUnpublishReason(async ({ reason }) => finishAction(await post('unpublish', { reason }), 'Unpublished.'));
    } else {
      const messages = { submit: 'Submitted for review.', approve: 'Approved.', publish: 'Published.', unschedule: 'Schedule cancelled.' };
      state.busy = true;
      render();
      finishAction(await post(action), messages[action]);
    }
  } catch (error) {
    failed(error, `${actionNames[action]} did not go through`);
  } finally {
    state.busy = false;
    render();
  }
}

/** Takes the article a transition returned (or fetches it) and shows its new state. */
async function finishAction(response, message, replacesText = false) {
  const returned = response.data && response.data.id ? withVersion(response.data, response.etag) : await load(state.article.id);
  accept(returned);
  if (replacesText || !state.dirty) {
    state.dirty = false;
    fill(returned);
  }
  render();
  toast(message, 'success');
  return returned;
}

function render() {
  const article = state.article;
  const headline = $('f-headline').value.trim();
  $('article-title').textContent = article ? (headline || article.headline || 'Untitled') : 'New article';
  document.title = `${article ? (article.headline || 'Untitled') : 'New article'} · NewsPlatform Editor`;

  const badge = $('article-status');
  badge.textContent = article ? statusLabel(article.status) : 'Not saved yet';
  badge.className = `badge badge-${article ? statusKey(article.status) : 'new'}`;
  $('article-version').textContent = article?.version ? `Version ${article.version}` : '';
  $('article-saved').textContent = describeTimes(article);

  const available = actionsFor(article);
  for (const action of actionButtons) {
    const button = $(`action-${action}`);
    show(button, available.includes(action));
    button.disabled = state.busy;
  }
  show($('action-history'), Boolean(article));
  const link = $('article-link');
  const live = statusKey(article?.status) === 'published' && typeof article.url === 'string' && /^\/[^/]/.test(article.url);
  if (live) link.href = article.url;
  show(link, live);
  renderEditability(article);
  renderCorrections(article);
  renderSaveState();
}

function describeTimes(article) {
  if (!article) return '';
  const status = statusKey(article.status);
  if (status === 'scheduled' && article.scheduledFor) return `Publishes ${formatTime(article.scheduledFor)}`;
  if (status === 'published' && article.publishedAt) {
    const updated = article.updatedAt && article.updatedAt !== article.publishedAt ? ` · updated ${formatTime(article.updatedAt)}` : '';
    return `Published ${formatTime(article.publishedAt)}${updated}`;
  }
  if (status === 'unpublished') return `Taken down${article.unpublishedReason ? `: ${article.unpublishedReason}` : ''}`;
  const last = article.modifiedAt || article.updatedAt || article.createdAt;
  return last ? `Last change ${formatTime(last)}` : '';
}

function renderEditability(article) {
  const editable = canEdit(article);
  for (const control of $('article-form').querySelectorAll('input, textarea, select')) control.disabled = !editable;
  for (const id of ['hero-send', 'hero-remove', 'hero-file']) $(id).disabled = !editable;
  show($('action-save'), editable);
  show($('article-readonly'), !editable);

  const fixedSection = hasBeenPublic(article);
  $('f-section').disabled = !editable || fixedSection;
  $('f-section-help').textContent = fixedSection ? 'Published articles keep their section: it is part of their address.' : '';
  $('f-slug-help').textContent = fixedSection
    ? 'Part of the public address. If you change it, the old address keeps redirecting here.'
    : 'Leave empty to make one from the headline.';
  const live = statusKey(article?.status) === 'published';
  show($('significant-row'), live);
  if (!live) $('f-significant').checked = false;
}

function renderCorrections(article) {
  const corrections = Array.isArray(article?.corrections) ? article.corrections : [];
  show($('corrections-card'), corrections.length > 0);
  replaceChildren($('corrections-list'), corrections.map((c) =>
    h('li', {}, h('p', {}, c.note ?? ''), h('p', { class: 'muted' }, formatTime(c.at)))));
}

function renderSaveState() {
  $('action-save').disabled = state.busy;
  $('action-save').classList.toggle('is-clean', !state.dirty && Boolean(state.article));
  const text = state.busy ? 'Saving…' : state.dirty ? 'Unsaved changes' : state.article ? 'All changes saved' : '';
  const marker = $('article-dirty');
  marker.textContent = text;
  marker.classList.toggle('is-dirty', state.dirty && !state.busy);
}
