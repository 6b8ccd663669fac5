// Accord's progressive enhancement. Every page works without it; with it:
// - the quick exit replaces this page in the history, so "back" does not return here;
// - "Go back" links go back;
// - parts of a page marked data-live refresh themselves when someone else acts;
// - text boxes marked data-coach show what the coach reads as the person types.
(function () {
  "use strict";

  function quickExit(event) {
    var link = document.getElementById("quick-exit");
    if (!link) return;
    if (event) event.preventDefault();
    document.body.innerHTML = "";
    window.location.replace(link.getAttribute("data-url"));
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("a, button") : null;
    if (!target) return;
    if (target.id === "quick-exit") quickExit(event);
    if (target.hasAttribute("data-back") && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });

  // Three presses of Escape in a row also leave at once.
  var escapes = 0, escapeTimer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    escapes += 1;
    clearTimeout(escapeTimer);
    escapeTimer = setTimeout(function () { escapes = 0; }, 1200);
    if (escapes >= 3) quickExit(null);
  });

  // Live regions: poll a small version URL; when it changes, fetch the page and swap the region.
  function live(region) {
    var url = region.getAttribute("data-live");
    var page = region.getAttribute("data-page") || window.location.pathname;
    var version = region.getAttribute("data-version");
    function tick() {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data || data.version === version) return;
          // Someone is typing in this part of the page: keep their words, look again later.
          if (region.contains(document.activeElement) &&
              /^(TEXTAREA|INPUT|SELECT)$/.test(document.activeElement.tagName)) return;
          return fetch(page, { credentials: "same-origin" })
            .then(function (r) { return r.ok ? r.text() : null; })
            .then(function (html) {
              if (!html) return;
              var doc = new DOMParser().parseFromString(html, "text/html");
              var fresh = doc.getElementById(region.id);
              if (!fresh) return;
              region.replaceWith(fresh);
              region = fresh;
              version = data.version;
              region.setAttribute("data-version", version);
              wireCoach(region);
            });
        })
        .catch(function () { /* offline for a moment: try again at the next tick */ })
        .then(function () { setTimeout(tick, 2500); });
    }
    setTimeout(tick, 2500);
  }

  // The coach on text boxes.
  function csrfToken() {
    var meta = document.querySelector("input[name=csrf]");
    return meta ? meta.value : "";
  }

  function showCoach(box, panel, data) {
    panel.innerHTML = "";
    if (!data || !data.hits || data.hits.length === 0) { panel.hidden = true; return; }
    panel.hidden = false;
    var list = document.createElement("ul");
    data.hits.forEach(function (hit) {
      var item = document.createElement("li");
      var label = document.createElement("span");
      label.className = hit.kind === "blocker" ? "blocker" : "move";
      label.textContent = hit.label.replace(/_/g, " ");
      item.appendChild(label);
      if (hit.words) {
        item.appendChild(document.createTextNode(": "));
        var mark = document.createElement("mark");
        mark.textContent = hit.words;
        item.appendChild(mark);
      }
      list.appendChild(item);
    });
    panel.appendChild(list);
    (data.rewrites || []).forEach(function (text) {
      var p = document.createElement("p");
      p.textContent = "Try: \u201c" + text + "\u201d ";
      var use = document.createElement("button");
      use.type = "button";
      use.className = "secondary";
      use.textContent = "Use this";
      use.addEventListener("click", function () { box.value = text; box.dispatchEvent(new Event("input")); });
      p.appendChild(use);
      panel.appendChild(p);
    });
  }

  function wireCoach(root) {
    root.querySelectorAll("textarea[data-coach], input[data-coach]").forEach(function (box) {
      if (box.getAttribute("data-coach-wired")) return;
      box.setAttribute("data-coach-wired", "1");
      var panel = document.createElement("div");
      panel.className = "coach";
      panel.hidden = true;
      panel.setAttribute("aria-live", "polite");
      panel.id = box.id + "-coach";
      box.setAttribute("aria-describedby", panel.id);
      box.insertAdjacentElement("afterend", panel);
      var timer = null;
      box.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          if (!box.value.trim()) { panel.hidden = true; return; }
          fetch("/api/v1/coach", {
            method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
            body: JSON.stringify({ text: box.value })
          }).then(function (r) { return r.ok ? r.json() : null; })
            .then(function (data) { showCoach(box, panel, data); })
            .catch(function () {});
        }, 350);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-live]").forEach(live);
    wireCoach(document);
  });
})();
