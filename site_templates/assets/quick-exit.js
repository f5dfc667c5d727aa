/*
 * Quick exit, after the GOV.UK Design System's "Exit this page" component.
 *
 * - The "Exit this page" links (.fpd-js-exit) are plain links to a neutral
 *   page, so they work without JavaScript. With it, a click hides the page at
 *   once behind a plain "Loading." overlay and *replaces* this page in the
 *   browser's history (GOV.UK's own uses location.href, which keeps it).
 * - Pressing Shift three times, each within 5 seconds of the last, does the
 *   same. Shift held to type a capital does not count; any other key starts
 *   the count again. Presses 1 and 2 are announced in a role="status" region;
 *   when 5 seconds pass, that the exit was cancelled. Esc is never used.
 *
 * The words come from data- attributes on the <aside>, in the page's language.
 */
(function () {
  "use strict";

  var region = document.querySelector(".fpd-exit");
  var button = document.querySelector(".fpd-exit__button");
  if (!region || !button) {
    return;
  }
  var status = region.querySelector(".fpd-exit__status");
  var neutral = button.href;
  var PRESSES = 3;
  var WINDOW_MS = 5000;

  var count = 0;
  var timer = null;
  var shiftDown = false;
  var shiftUsedAsModifier = false;
  var exiting = false;
  var title = document.title;

  function announce(text) {
    status.textContent = text;
  }

  function reset(message) {
    count = 0;
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    announce(message || "");
  }

  function exit() {
    if (exiting) {
      return;
    }
    exiting = true;
    reset();
    var overlay = document.createElement("div");
    overlay.className = "fpd-exit-overlay";
    overlay.textContent = region.getAttribute("data-fpd-loading");
    document.body.appendChild(overlay);
    document.documentElement.classList.add("fpd-exiting");
    document.title = overlay.textContent;
    window.location.replace(neutral);
  }

  function onClick(event) {
    // Let the browser handle a link opened in a new tab or window.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    exit();
  }

  var links = document.querySelectorAll(".fpd-js-exit");
  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener("click", onClick);
  }

  function isShift(event) {
    return event.key === "Shift";
  }

  // Capture phase, on window: nothing on the page can stop these first.
  window.addEventListener("keydown", function (event) {
    if (isShift(event)) {
      if (!event.repeat) {
        shiftDown = true;
        shiftUsedAsModifier = false;
      }
      return;
    }
    // Any other key: Shift held now is typing (a capital, a shortcut), and the count starts again.
    if (shiftDown) {
      shiftUsedAsModifier = true;
    }
    if (count > 0) {
      reset();
    }
  }, true);

  window.addEventListener("keyup", function (event) {
    if (!isShift(event)) {
      return;
    }
    var counts = shiftDown && !shiftUsedAsModifier && !event.ctrlKey && !event.altKey && !event.metaKey;
    shiftDown = false;
    shiftUsedAsModifier = false;
    if (!counts || exiting) {
      return;
    }
    count += 1;
    if (timer !== null) {
      clearTimeout(timer);
    }
    if (count >= PRESSES) {
      exit();
      return;
    }
    announce(region.getAttribute(count === 1 ? "data-fpd-press-2" : "data-fpd-press-1"));
    timer = setTimeout(function () {
      timer = null;
      reset(region.getAttribute("data-fpd-cancelled"));
    }, WINDOW_MS);
  }, true);

  // Switching away from the window (Alt+Tab) loses the keyup; do not count across it.
  window.addEventListener("blur", function () {
    shiftDown = false;
    shiftUsedAsModifier = false;
  });

  // A page restored from the back/forward cache starts afresh: no count, no overlay.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) {
      return;
    }
    exiting = false;
    shiftDown = false;
    shiftUsedAsModifier = false;
    reset();
    document.documentElement.classList.remove("fpd-exiting");
    document.title = title;
    var overlay = document.querySelector(".fpd-exit-overlay");
    if (overlay) {
      overlay.remove();
    }
  });
})();
