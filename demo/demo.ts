// Host-page code, as a publisher would write it: the widgets' events bubble to the document.
const statusLine = document.getElementById('status');

document.addEventListener('wire-feed-load', (event) => {
  if (statusLine && event.target instanceof HTMLElement && event.target.localName === 'wire-feed') {
    statusLine.textContent = `Sample feed loaded: ${event.detail.itemCount} stories.`;
  }
});

document.addEventListener('wire-feed-error', (event) => {
  if (statusLine) statusLine.textContent = `The feed could not be shown (${event.detail.reason}).`;
});

document.addEventListener('wire-card-click', (event) => {
  // A single-page app would route here and call event.preventDefault(); the demo only logs it.
  console.info('wire-card-click', event.detail);
});

export {};
