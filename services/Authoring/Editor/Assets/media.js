// The hero image panel. Uploads go to the Media service (POST /api/media), which is same-origin
// through the gateway; when it is not there the article can still be written and saved.

import { request } from './api.js';
import { $, show, showMessage } from './dom.js';

// What a missing or broken Media service looks like from here.
const unavailableStatuses = [0, 404, 405, 501, 502, 503, 504];
const UNAVAILABLE = 'Image upload is not available right now: the media service did not answer. ' +
  'You can save the article without a hero image and add one later.';

let heroMediaId = null;
let onChange = () => {};

export function initHero(changed) {
  onChange = changed;
  $('hero-img').addEventListener('error', () => { $('hero-img').hidden = true; });
  $('hero-send').addEventListener('click', upload);
  $('hero-remove').addEventListener('click', () => {
    setHero(null);
    message('The image will be removed when you save.', 'info');
    onChange();
  });
}

export const currentHeroId = () => heroMediaId;

/** Shows the article's image (or none) without marking anything as changed. */
export function loadHero(id) {
  message('');
  $('hero-file').value = '';
  setHero(id || null);
}

const POLL_MS = 1500;
const POLL_LIMIT = 40;

function setHero(id, metadata) {
  heroMediaId = id;
  show($('hero-remove'), Boolean(id));
  show($('hero-none'), !id);
  show($('hero-current'), Boolean(id));
  $('hero-img').removeAttribute('src');
  $('hero-img').alt = '';
  $('hero-img').hidden = true;
  $('hero-caption').textContent = id ? 'Loading image details…' : '';
  if (!id) return;
  if (metadata) display(metadata);
  else describe(id);
}

async function describe(id, attempt = 0) {
  try {
    const { data } = await request('GET', `/api/media/${encodeURIComponent(id)}`);
    if (heroMediaId === id) display(data, attempt);
  } catch (error) {
    if (heroMediaId !== id) return;
    $('hero-caption').textContent = unavailableStatuses.includes(error.status)
      ? `Image ${id} is attached; its preview is unavailable because the media service did not answer.`
      : `Image ${id} is attached; its details could not be loaded (${error.message}).`;
  }
}

function display(media, attempt = 0) {
  const parts = [media.caption, media.credit].filter((p) => p);
  const caption = parts.join(' · ') || 'No caption or credit yet.';
  // Renditions are made after the upload; their addresses answer only once the photo is ready.
  if (media.status === 'processing') {
    $('hero-caption').textContent = `${caption} — preparing the image sizes…`;
    if (attempt < POLL_LIMIT) setTimeout(() => heroMediaId === media.id && describe(media.id, attempt + 1), POLL_MS);
    return;
  }
  const renditions = (Array.isArray(media.renditions) ? media.renditions : [])
    .filter((r) => typeof r.url === 'string' && isSameOriginPath(r.url))
    .sort((a, b) => a.width - b.width || (a.format === 'webp' ? -1 : 1));
  const pick = renditions.find((r) => r.width >= 480) || renditions[renditions.length - 1];
  const img = $('hero-img');
  img.alt = media.alt || '';
  if (pick) {
    img.src = pick.url;
    img.hidden = false;
  }
  $('hero-caption').textContent = media.status === 'retired' ? `${caption} — this photo has been retired.` : caption;
}

// Rendition URLs are paths on our own origin; anything else would break the page's policy anyway.
const isSameOriginPath = (url) => url.startsWith('/') && !url.startsWith('//');

async function upload() {
  const file = $('hero-file').files[0];
  const credit = $('hero-credit').value.trim();
  const caption = $('hero-caption-input').value.trim();
  const alt = $('hero-alt').value.trim();
  if (!file) return message('Choose an image file first.', 'error');
  if (!credit) return message('Add the photo credit; it is printed with the image.', 'error');
  if (!alt) return message('Describe the image in the alt text for readers who cannot see it.', 'error');

  const form = new FormData();
  form.append('file', file);
  form.append('credit', credit);
  form.append('caption', caption);
  form.append('alt', alt);
  const button = $('hero-send');
  button.disabled = true;
  message('Uploading…', 'info');
  try {
    const { data } = await request('POST', '/api/media', { form });
    setHero(data.id, data);
    $('hero-file').value = '';
    message('Image uploaded. Save the article to use it.', 'success');
    onChange();
  } catch (error) {
    if (unavailableStatuses.includes(error.status)) message(UNAVAILABLE, 'error');
    else if (error.status === 413) message(`The file is too large. ${error.message}`, 'error');
    else message(`The image was not accepted: ${error.message}`, 'error');
  } finally {
    button.disabled = false;
  }
}

function message(text, kind = 'info') {
  const element = $('hero-message');
  element.className = `notice notice-${kind}`;
  showMessage(element, text);
}
