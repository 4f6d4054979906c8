// The editor's entry point: signing in and out, and a hash router over the four views
// (#/articles, #/new, #/articles/{id}, #/articles/{id}/history). Hash routes keep the whole app
// on the one page /editor, wherever the gateway mounts it.

import { forgetToken, request, signIn, token, whenUnauthorized } from './api.js';
import * as article from './article.js';
import { $, replaceChildren, show, showMessage, toast } from './dom.js';
import * as historyView from './history.js';
import * as list from './list.js';
import { setCurrentUser } from './model.js';

const views = ['signin', 'list', 'article', 'history'];
let currentHash = null;
let signedIn = false;

function showView(name, focus = true) {
  for (const view of views) show($(`view-${view}`), view === name);
  const current = { list: 'articles', article: location.hash === '#/new' ? 'new' : null }[name];
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (focus) document.querySelector(`#view-${name} h1`)?.focus();
}

function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  if (!signedIn) return;
  const hash = location.hash || '#/articles';
  const leavingDirtyEditor = currentHash !== null && currentHash !== hash && article.isDirty() && !$('view-article').hidden;
  if (leavingDirtyEditor && !window.confirm('This article has unsaved changes. Leave without saving?')) {
    history.replaceState(null, '', currentHash);
    return;
  }
  if (leavingDirtyEditor) article.discard();
  currentHash = hash;
  const [path, queryText] = hash.slice(1).split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);

  if (parts[0] === 'new') {
    showView('article');
    await article.openNew();
  } else if (parts[0] === 'articles' && parts[1] && parts[2] === 'history') {
    showView('history');
    await historyView.open(parts[1]);
  } else if (parts[0] === 'articles' && parts[1]) {
    showView('article');
    await article.open(parts[1]);
  } else {
    showView('list');
    await list.open(new URLSearchParams(queryText || ''));
  }
}

async function loadAccount() {
  const { data } = await request('GET', '/api/auth/me');
  setCurrentUser(data);
  $('account-name').textContent = data.displayName || data.email;
  replaceChildren($('account-roles'), (data.roles || []).join(', '));
  show($('account'), true);
  show($('main-nav'), true);
  signedIn = true;
}

function askToSignIn(reason) {
  signedIn = false;
  show($('account'), false);
  show($('main-nav'), false);
  $('signin-reason').textContent = reason || '';
  showMessage($('signin-error'), '');
  showView('signin', false);
  $('signin-email').focus();
}

async function submitSignIn(event) {
  event.preventDefault();
  const email = $('signin-email').value.trim();
  const password = $('signin-password').value;
  if (!email || !password) return showMessage($('signin-error'), 'Enter your email and password.');
  $('signin-submit').disabled = true;
  try {
    await signIn(email, password);
    $('signin-password').value = '';
    await loadAccount();
    currentHash = null;
    await route();
  } catch (error) {
    showMessage($('signin-error'), error.status === 401
      ? 'That email and password do not match an account.'
      : error.status === 429 ? `Too many attempts. ${error.message}` : error.message);
  } finally {
    $('signin-submit').disabled = false;
  }
}

function signOut() {
  if (article.isDirty() && !window.confirm('This article has unsaved changes. Sign out anyway?')) return;
  article.discard();
  forgetToken();
  currentHash = null;
  askToSignIn('You are signed out.');
}

async function start() {
  $('signin-form').addEventListener('submit', submitSignIn);
  $('sign-out').addEventListener('click', signOut);
  window.addEventListener('hashchange', route);
  list.init(navigate);
  article.init(navigate);
  historyView.init(navigate);
  whenUnauthorized(() => {
    if (!signedIn) return;
    forgetToken();
    askToSignIn('Your session has ended. Sign in again to carry on; unsaved changes on this page are kept.');
    toast('Please sign in again.', 'error');
  });

  if (!token()) return askToSignIn();
  try {
    await loadAccount();
    await route();
  } catch (error) {
    if (error.status !== 401) askToSignIn(`The newsroom could not be reached: ${error.message}`);
  }
}

start();
