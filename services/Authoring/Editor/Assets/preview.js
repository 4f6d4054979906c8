// The live preview beside the form. The body is rendered by the server (Markdig, then
// HtmlSanitizer), so what is inserted here as HTML has already been made safe; everything else
// goes in as text.

import { request } from './api.js';
import { $, showMessage } from './dom.js';

const DELAY_MS = 250;
let timer = null;
let sequence = 0;
let lastBody = null;
let pendingBody = null;

export function schedulePreview(article) {
  $('preview-section').textContent = article.section || '';
  $('preview-headline').textContent = article.headline || 'Headline';
  $('preview-headline').classList.toggle('is-placeholder', !article.headline);
  $('preview-standfirst').textContent = article.standfirst || '';
  $('preview-byline').textContent = article.authors?.length ? `Written by ${article.authors.join(', ')}` : '';
  if (article.body === pendingBody) return; // already on its way
  clearTimeout(timer);
  pendingBody = null;
  if (article.body === lastBody) {
    sequence++; // an answer still on its way is for text that is no longer there
    return;
  }
  pendingBody = article.body;
  timer = setTimeout(() => {
    pendingBody = null;
    renderBody(article.body);
  }, DELAY_MS);
}

async function renderBody(body) {
  const mine = ++sequence;
  if (!body.trim()) {
    lastBody = body;
    $('preview-body').replaceChildren();
    return;
  }
  try {
    const { data } = await request('POST', '/editor/api/preview', { body: { markdown: body } });
    if (mine !== sequence) return;
    lastBody = body;
    $('preview-body').innerHTML = data.html;
    showMessage($('preview-error'), '');
  } catch (error) {
    if (mine === sequence) showMessage($('preview-error'), `The preview could not be updated: ${error.message}`);
  }
}

// Links in the preview are for reading, not for leaving the editor with unsaved work.
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('#preview-body a');
  if (link) event.preventDefault();
});
