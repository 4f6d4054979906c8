// The three actions that need input before they run. Each opens a modal <dialog> (focus is
// trapped and Escape cancels) and resolves with what was entered, or null when cancelled.
// `read` returns the input or { error }; `run` performs the request, and if it throws, the error
// is shown in the dialog, which stays open.

import { $, newsroomNowInput, newsroomTimeToUtc, newsroomZone, showMessage } from './dom.js';

function ask(dialogId, errorId, read, run) {
  const dialog = $(dialogId);
  const form = dialog.querySelector('form');
  const error = $(errorId);
  showMessage(error, '');
  return new Promise((resolve) => {
    const finish = (value) => {
      form.removeEventListener('submit', onSubmit);
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      resolve(value);
    };
    const onCancel = () => finish(null);
    const onSubmit = async (event) => {
      event.preventDefault();
      if (event.submitter && event.submitter.value === 'cancel') return finish(null);
      const value = read();
      if (value.error) return showMessage(error, value.error);
      const buttons = form.querySelectorAll('button');
      buttons.forEach((b) => { b.disabled = true; });
      try {
        const result = await run(value);
        finish(result ?? value);
      } catch (failure) {
        showMessage(error, failure.message);
      } finally {
        buttons.forEach((b) => { b.disabled = false; });
      }
    };
    form.addEventListener('submit', onSubmit);
    dialog.addEventListener('cancel', onCancel);
    dialog.showModal();
  });
}

/** Resolves with { publishAt } (UTC, ISO-8601), entered as newsroom wall-clock time. */
export function askScheduleTime(current, run) {
  const input = $('schedule-at');
  $('schedule-zone').textContent = `In newsroom time (${newsroomZone()}).`;
  input.min = newsroomNowInput();
  input.value = current || newsroomNowInput(60);
  return ask('dialog-schedule', 'schedule-error', () => {
    const at = newsroomTimeToUtc(input.value);
    if (!at) return { error: 'Enter a date and a time.' };
    if (at.getTime() <= Date.now()) return { error: 'Choose a time in the future, or publish now instead.' };
    return { publishAt: at.toISOString() };
  }, run);
}

export function askUnpublishReason(run) {
  const input = $('unpublish-reason');
  input.value = '';
  return ask('dialog-unpublish', 'unpublish-error', () => {
    const reason = input.value.trim();
    return reason ? { reason } : { error: 'Say why the article is taken down; it is kept in the audit trail.' };
  }, run);
}

/** Resolves with { note, includeChanges }. */
export function askCorrection(hasUnsavedChanges, run) {
  const note = $('correction-note');
  const changes = $('correction-changes');
  note.value = '';
  changes.checked = hasUnsavedChanges;
  $('correction-changes-row').hidden = !hasUnsavedChanges;
  return ask('dialog-correction', 'correction-error', () => {
    const text = note.value.trim();
    return text ? { note: text, includeChanges: hasUnsavedChanges && changes.checked } : { error: 'Write the note readers will see.' };
  }, run);
}
