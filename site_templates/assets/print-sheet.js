/*
 * The printed sheet's source line (main.html, .fpd-sheet-source) ends with the
 * day it is printed, written out in the page's language, e.g. "Printed on
 * 2 December 2026". Built without the address the site is published at, the
 * line gives the address the page was read at, never a placeholder. Without
 * JavaScript the line gives the site and the published address only.
 */
(function () {
  "use strict";

  var address = document.querySelector(".fpd-sheet-source__address");
  if (address && !address.textContent.trim() && /^https?:$/.test(window.location.protocol)) {
    address.textContent = window.location.origin + window.location.pathname;
  }
  var printed = document.querySelector(".fpd-sheet-source__printed");
  if (!printed) {
    return;
  }
  var locale = document.documentElement.lang === "nl" ? "nl-NL" : "en-GB";

  function stamp() {
    var day = new Date().toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric" });
    printed.textContent = printed.getAttribute("data-fpd-printed") + " " + day;
  }

  // Written as the page is printed, not as it opens: the first date written in
  // the page's language loads the browser's locale data, a long task on a slow
  // phone that a reader who never prints would wait through for nothing.
  window.addEventListener("beforeprint", stamp);
  window.matchMedia("print").addEventListener("change", function (event) {
    if (event.matches) {
      stamp();
    }
  });
})();
