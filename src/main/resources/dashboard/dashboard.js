// The dashboard's only script: confirmations for the writes, and the job and fleet pages' live parts.
"use strict";

// The one place a page learns that what it shows changed: the job's (or fleet's) events, from the session's stream
// GET /ui/events (EventSource resumes it with Last-Event-ID by itself). Each event asks for the live part again, and
// bursts coalesce: one fetch in flight and at most one more after it. Only a browser without EventSource polls, slowly.
function watch(live, refresh) {
  const again = coalesce(refresh);
  if (typeof EventSource !== "function") {
    const timer = setInterval(() => again().then((watching) => { if (!watching) clearInterval(timer); }), 15000);
    return;
  }
  const source = new EventSource(live.dataset.events);
  source.addEventListener("open", () => again()); // what changed between the page's rendering and the stream's start
  source.addEventListener("message", () => again());
  source.addEventListener("session-ended", () => {
    source.close();
    window.location.assign("/ui/sign-in");
  });
  source.addEventListener("error", () => {
    // closed for good (refused, or sent to sign-in): one fetch tells which, and goes to sign-in if the session ended
    if (source.readyState === EventSource.CLOSED) again();
  });
}

// Runs task() at most once at a time; calls while it runs make it run once more after, however many they are.
function coalesce(task) {
  let running = null;
  let pending = false;
  return function again() {
    if (running) {
      pending = true;
      return running;
    }
    running = (async () => {
      let result;
      do {
        pending = false;
        result = await task();
      } while (pending);
      running = null;
      return result;
    })();
    return running;
  };
}

function refreshLive(live) {
  return async () => {
    const dialog = document.getElementById("confirm");
    if (dialog && dialog.open) {
      // do not move the page under an open question: refresh once it is answered (or the form sends the page away)
      await new Promise((resolve) => dialog.addEventListener("close", resolve, { once: true }));
    }
    try {
      const response = await fetch(live.dataset.live, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (response.redirected || response.status === 401) {
        window.location.assign("/ui/sign-in"); // the session ended
        return false;
      }
      if (!response.ok) return true;
      const html = (await response.text()).trim();
      if (dialog && dialog.open) {
        // a question opened while this was fetched: replacing the part now would detach the form it asks about
        await new Promise((resolve) => dialog.addEventListener("close", resolve, { once: true }));
      }
      if (html !== live.dataset.rendered) {
        const focused = document.activeElement && document.activeElement.id;
        live.innerHTML = html;
        live.dataset.rendered = html;
        if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
      }
      return true;
    } catch (e) {
      return true; // a network hiccup: the next event (or the stream's reconnect) fetches again
    }
  };
}

// A form with data-confirm asks first, in an accessible <dialog>; "No" or Escape leaves everything as it was.
function confirmForms() {
  const dialog = document.getElementById("confirm");
  if (!dialog) return;
  let pending = null;
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.matches("form.confirm") || form.dataset.confirmed === "yes") return;
    event.preventDefault();
    pending = form;
    document.getElementById("confirm-question").textContent = form.dataset.confirm;
    document.getElementById("confirm-yes").textContent = form.dataset.confirmYes || "Yes";
    dialog.returnValue = "";
    dialog.showModal();
  });
  dialog.addEventListener("close", () => {
    const form = pending;
    pending = null;
    if (form && dialog.returnValue === "yes") {
      form.dataset.confirmed = "yes";
      form.requestSubmit();
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  confirmForms();
  const live = document.getElementById("live");
  // a finished job is followed no more; a fleet page always is
  if (live && live.dataset.active === "true") {
    live.dataset.rendered = live.innerHTML.trim(); // the first fetch (at the stream's opening) swaps only what changed
    watch(live, refreshLive(live));
  }
});
