// Host-page code, as a publisher would write it: the widgets' events bubble to the document.
const statusLine = document.getElementById('status');
const panel = document.getElementById('event-panel');
const panelTitle = document.getElementById('event-title');
const panelNote = document.getElementById('event-note');
const panelDetail = document.getElementById('event-detail');

document.addEventListener('wire-feed-load', (event) => {
  if (statusLine && event.target instanceof HTMLElement && event.target.localName === 'wire-feed') {
    statusLine.textContent = `Sample feed loaded: ${event.detail.itemCount} stories.`;
  }
});

// Cards report their own errors too (the embargoed story's card reports `embargoed`): only the feed's failure
// means the page could not be shown.
document.addEventListener('wire-feed-error', (event) => {
  if (statusLine && event.target instanceof HTMLElement && event.target.localName === 'wire-feed')
    statusLine.textContent = `The feed could not be shown (${event.detail.reason}).`;
});

/**
 * The sample feed's login page and story pages do not exist, so instead of leaving for them the demo shows what
 * the event hands a site builder: its name and detail, which a real site would use to open its own sign-in dialog
 * or route in place. Modified clicks (new tab) are not cancelable and go ahead as the reader asked.
 */
function showInstead(event: CustomEvent<object>, note: string): void {
  if (!event.cancelable || !(panel instanceof HTMLDialogElement)) return;
  event.preventDefault();
  if (panelTitle) panelTitle.textContent = event.type;
  if (panelNote) panelNote.textContent = note;
  if (panelDetail) panelDetail.textContent = JSON.stringify(event.detail, null, 2);
  panel.showModal();
}

document.addEventListener('wire-login-request', (event) =>
  showInstead(event, 'A site opens its own sign-in here, then sends the reader back to returnUrl.'),
);
document.addEventListener('wire-register-request', (event) =>
  showInstead(event, 'A site opens its own sign-up here, then sends the reader back to returnUrl.'),
);
document.addEventListener('wire-comment-request', (event) =>
  showInstead(event, 'A site scrolls to or opens its comment thread here.'),
);
document.addEventListener('wire-card-click', (event) =>
  showInstead(event, 'A single-page app routes to the story here instead of loading a new page.'),
);

export {};
