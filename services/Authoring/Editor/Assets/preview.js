// The live preview beside the form. The body is rendered by the server with the site's own
// renderer (Markdig, then HtmlSanitizer), so it shows exactly what readers will get, and what is
// inserted here as HTML has already been made safe; everything else goes in as text. There is no
// second renderer in the browser: when the server's cannot be reached (a proxy that does not route
// it, say), the preview says so and the next change of the body tries again.

import { request } from './api.js';
import { $, showMessage } from './dom.js';

const unreachable = [0, 404, 405, 502, 503, 504];

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
    if (mine !== sequence) return;
    $('preview-error').className = 'notice notice-error';
    if (unreachable.includes(error.status)) {
      // Nothing shown rather than something that is not what readers will get.
      $('preview-body').replaceChildren();
      showMessage($('preview-error'),
        'The preview is not available right now, so the body is not shown here. Your text is not affected: you can keep writing and save as usual.');
    } else {
      showMessage($('preview-error'), `The preview could not be updated: ${error.message}`);
    }
  }
}

// Links in the preview are for reading, not for leaving the editor with unsaved work.
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('#preview-body a');
  if (link) event.preventDefault();
});
