/* The search box (partials/search.html), with Pagefind. Nothing of the search
 * is fetched until the reader types: then Pagefind's script, its WebAssembly
 * and only the index of this page's language (it picks it from <html lang>).
 * Keys as in Material: "/" or "s" opens, Escape closes, the arrow keys walk
 * the results, Enter on the box opens the first result. The count of results
 * is announced (role="status").
 * A word readers search with that the pages do not write (data-fpd-synonyms:
 * in Dutch, verwijzen where the pages write aanmelden) is searched for as the
 * word the pages write, and the status says so: every result and excerpt is
 * then the page's own text. */
(function () {
  "use strict";

  var RESULTS = 10;

  function ready(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  /* Pagefind's excerpt as nodes: its text and its <mark>s, nothing else. */
  function excerptNodes(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    var out = document.createDocumentFragment();
    Array.prototype.forEach.call(parsed.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function search(box) {
    var toggle = document.getElementById("__search");
    var form = box.querySelector("form");
    var input = box.querySelector(".md-search__input");
    var status = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var hint = status.textContent;
    var synonyms = JSON.parse(box.getAttribute("data-fpd-synonyms") || "{}");
    var bundle = new URL(box.getAttribute("data-fpd-bundle"), window.location.href);
    var engine = null;
    var latest = 0;

    function load() {
      if (!engine) {
        engine = import(bundle.href + "pagefind.js").then(function (pagefind) {
          // Each language has its own index, under its root: results link from there, wherever the site is served.
          return pagefind.options({baseUrl: new URL("..", bundle).pathname, noWorker: true}).then(function () {
            return pagefind;
          });
        });
        engine.catch(function () {
          engine = null;
        });
      }
      return engine;
    }

    function open(on) {
      toggle.checked = on;
      toggle.dispatchEvent(new Event("change"));
    }

    function say(text) {
      status.textContent = text;
    }

    function count(n) {
      if (n === 0) {
        return box.getAttribute("data-fpd-none");
      }
      return (n === 1 ? box.getAttribute("data-fpd-one") : box.getAttribute("data-fpd-other")).replace("{count}", String(n));
    }

    /* The query in the pages' words, and which of those words it put in. */
    function ownWords(term) {
      var put = [];
      var query = term.split(/\s+/).map(function (word) {
        var key = word.toLowerCase();
        if (!Object.prototype.hasOwnProperty.call(synonyms, key)) {
          return word;
        }
        if (put.indexOf(synonyms[key]) === -1) {
          put.push(synonyms[key]);
        }
        return synonyms[key];
      }).join(" ");
      return {query: query, put: put};
    }

    function item(data) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = data.url;
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var title = document.createElement("h1");
      title.textContent = data.meta.title || data.url;
      article.appendChild(title);
      var about = [data.meta.provider, data.meta.area].filter(Boolean).join(" · ");
      if (about) {
        var line = document.createElement("p");
        line.className = "fpd-search__about";
        line.textContent = about;
        article.appendChild(line);
      }
      var excerpt = document.createElement("p");
      excerpt.appendChild(excerptNodes(data.excerpt || ""));
      article.appendChild(excerpt);
      link.appendChild(article);
      li.appendChild(link);
      return li;
    }

    function run() {
      var request = ++latest;
      var term = input.value.trim();
      list.textContent = "";
      if (!term) {
        say(hint);
        return;
      }
      var own = ownWords(term);
      var instead = own.put.length ? " " + box.getAttribute("data-fpd-instead").replace("{words}", own.put.join(", ")) : "";
      say(box.getAttribute("data-fpd-loading"));
      load().then(function (pagefind) {
        return pagefind.debouncedSearch(own.query, {}, 200);
      }).then(function (found) {
        // null: a newer search replaced this one while it waited.
        if (found === null || request !== latest) {
          return null;
        }
        return Promise.all(found.results.slice(0, RESULTS).map(function (result) {
          return result.data();
        })).then(function (pages) {
          if (request !== latest) {
            return;
          }
          pages.forEach(function (data) {
            list.appendChild(item(data));
          });
          say(count(found.results.length) + instead);
        });
      }).catch(function () {
        if (request === latest) {
          say(box.getAttribute("data-fpd-failed"));
        }
      });
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a"));
    }

    input.addEventListener("focus", function () {
      open(true);
    });
    input.addEventListener("input", run);
    // Leaving the box by keyboard closes it, as Material's does.
    box.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !box.contains(event.relatedTarget)) {
        open(false);
      }
    });
    toggle.addEventListener("change", function () {
      if (toggle.checked && document.activeElement !== input) {
        input.focus();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = links()[0];
      if (first) {
        first.click();
      }
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        run();
        input.focus();
      }, 0);
    });
    box.addEventListener("keydown", function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === "Escape") {
        event.preventDefault();
        open(false);
        input.blur();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!all.length) {
          return;
        }
        event.preventDefault();
        var next = event.key === "ArrowDown" ? at + 1 : (at === -1 ? all.length - 1 : at - 1);
        if (next < 0 || next >= all.length) {
          input.focus();
        } else {
          all[next].focus();
        }
      }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  ready(function () {
    var box = document.querySelector(".fpd-search");
    if (box && document.getElementById("__search")) {
      search(box);
    }
  });
}());
