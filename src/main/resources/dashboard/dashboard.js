// The dashboard's only script: confirmations for the writes, and the job page's live part.
"use strict";

// The one place the job page learns that its job changed. For now it fetches the server-rendered live part again
// every 2 s; once the event stream (GET /events) is on main, this subscribes to the job's events and refreshes on
// each one instead, and nothing else changes.
function watchJob(live, refresh) {
  const timer = setInterval(() => {
    refresh().then((active) => {
      if (!active) clearInterval(timer);
    });
  }, 2000);
}

function refreshLive(live) {
  return async () => {
    const dialog = document.getElementById("confirm");
    if (dialog && dialog.open) return true; // do not move the page under an open question
    try {
      const response = await fetch(live.dataset.live, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (response.redirected || response.status === 401) {
        window.location.assign("/ui/sign-in"); // the session ended
        return false;
      }
      if (!response.ok) return true;
      const html = await response.text();
      if (html !== live.dataset.rendered) {
        const focused = document.activeElement && document.activeElement.id;
        live.innerHTML = html;
        live.dataset.rendered = html;
        if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
      }
      return live.querySelector("#cancel-job") !== null;
    } catch (e) {
      return true; // a network hiccup: try again on the next tick
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
  if (live && live.dataset.active === "true") watchJob(live, refreshLive(live));
});
