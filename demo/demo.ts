// Host-page code, as a publisher would write it: listen to the widgets' events.
const statusLine = document.getElementById('status');

document.addEventListener('wire-feed-load', (event) => {
  if (statusLine && event.target instanceof HTMLElement && event.target.localName === 'wire-feed') {
    statusLine.textContent = `Sample feed loaded: ${event.detail.itemCount} stories.`;
  }
});

document.addEventListener('wire-feed-error', (event) => {
  if (statusLine) statusLine.textContent = `The feed could not be shown (${event.detail.reason}).`;
});

export {};
