// The live preview beside the form. The body is rendered by the server (Markdig, then
// HtmlSanitizer, as readers will get it), so what is inserted here as HTML has already been made
// safe; everything else goes in as text. When that renderer cannot be reached (a proxy that does
// not route it, say), a simplified renderer in the browser takes over for the rest of the session.

import { request } from './api.js';
import { $, showMessage } from './dom.js';
import { renderMarkdown } from './markdown.js';

const unreachable = [0, 404, 405, 502, 503, 504];
let local = false;

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
  if (local) return renderLocally(body);
  try {
    const { data } = await request('POST', '/editor/api/preview', { body: { markdown: body } });
    if (mine !== sequence) return;
    lastBody = body;
    $('preview-body').innerHTML = data.html;
    showMessage($('preview-error'), '');
  } catch (error) {
    if (mine !== sequence) return;
    if (unreachable.includes(error.status)) {
      local = true;
      renderLocally(body);
    } else {
      $('preview-error').className = 'notice notice-error';
      showMessage($('preview-error'), `The preview could not be updated: ${error.message}`);
    }
  }
}

function renderLocally(body) {
  lastBody = body;
  $('preview-body').replaceChildren(...renderMarkdown(body));
  const note = $('preview-error');
  note.className = 'notice notice-info';
  showMessage(note, 'Simplified preview: the full renderer did not answer, so HTML in the body is shown as text here.');
}

// Links in the preview are for reading, not for leaving the editor with unsaved work.
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('#preview-body a');
  if (link) event.preventDefault();
});
