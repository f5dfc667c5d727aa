/* Progressive enhancement for the referral finder, the all-programmes filters,
 * the programme comparison and printed pages. Every answer is rendered at build
 * time; this script only shows and hides it and keeps the choice in the
 * address bar. The finder takes its answers from the part of the chosen role's
 * page that holds the chosen area (this site's own pages, each fetched once),
 * so it stays small however many programmes there are. Without the script
 * every page still works: the finder links to the pages by role, each of
 * which links to every area; the table and the comparison are split by area
 * into pages linked to one another. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  /* Write the given choices into the address, dropping empty ones, without a reload. */
  function writeQuery(values) {
    var query = new URLSearchParams();
    Object.keys(values).forEach(function (key) {
      if (values[key]) {
        query.set(key, values[key]);
      }
    });
    var text = query.toString();
    var url = window.location.pathname + (text ? "?" + text : "") + window.location.hash;
    window.history.replaceState(null, "", url);
    keepChoiceAcrossLanguages(text);
  }

  /* The same page in the other language keeps the reader's choice: the values are the same in both. */
  function keepChoiceAcrossLanguages(text) {
    Array.prototype.forEach.call(document.querySelectorAll("a.fpd-languages__link[hreflang]"), function (link) {
      var target = new URL(link.href, window.location.href);
      target.search = text ? "?" + text : "";
      link.href = target.toString();
    });
  }

  /* Choose a value in a select if one of its usable options has it. */
  function choose(select, value) {
    if (value === null) {
      return;
    }
    var found = Array.prototype.some.call(select.options, function (option) {
      return option.value === value && !option.disabled;
    });
    if (found) {
      select.value = value;
    }
  }

  function selectedText(select) {
    var option = select.options[select.selectedIndex];
    return option ? option.textContent.trim() : "";
  }

  /* Keep only the areas of the chosen country in an area select. */
  function limitAreas(country, area) {
    var wanted = country.value;
    Array.prototype.forEach.call(area.querySelectorAll("[data-country]"), function (item) {
      var off = Boolean(wanted) && item.getAttribute("data-country") !== wanted;
      item.hidden = off;
      item.disabled = off;
    });
    var current = area.options[area.selectedIndex];
    if (current && current.disabled) {
      area.value = "";
    }
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : whole;
    });
  }

  /* The page of one kind of referrer, parsed; each is fetched once. */
  var referrerPages = {};

  function referrerPage(address) {
    if (!referrerPages[address]) {
      referrerPages[address] = window.fetch(address, {credentials: "same-origin"}).then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      }).then(function (text) {
        return new DOMParser().parseFromString(text, "text/html");
      });
      referrerPages[address].catch(function () {
        delete referrerPages[address];
      });
    }
    return referrerPages[address];
  }

  /* Links in a block taken from another page, made to work from this one. */
  function rebase(block, address) {
    Array.prototype.forEach.call(block.querySelectorAll("a[href]"), function (link) {
      link.setAttribute("href", new URL(link.getAttribute("href"), address).href);
    });
    Array.prototype.forEach.call(block.querySelectorAll("[id]"), function (node) {
      node.removeAttribute("id");
    });
  }

  /* The address of the part of a split page that holds an area: the first part
   * is `first`, the others fill in the pattern `other` ("…/{part}/"). */
  function partAddress(first, other, part) {
    return new URL(part === "1" ? first : other.replace("{part}", part), window.location.href).href;
  }

  /* The referral finder: the chosen role's page holds every answer by area,
   * split into parts; the chosen area's (or country's) blocks are shown here,
   * fetched from only the parts that hold them. */
  function finder(form) {
    var role = form.querySelector("#fpd-role");
    var country = form.querySelector("#fpd-country");
    var area = form.querySelector("#fpd-area");
    var status = document.getElementById("fpd-finder-status");
    var results = document.getElementById("fpd-finder-results");
    var heading = document.getElementById("answer");
    var latest = 0;
    form.hidden = false;
    form.classList.add("fpd-js");

    /* The parts of the role's page to fetch: the chosen area's, or those of every area of the chosen country (or of all). */
    function partsWanted() {
      var parts = [];
      Array.prototype.forEach.call(area.querySelectorAll("option[data-part]"), function (option) {
        var on = area.value ? option.value === area.value : (!country.value || option.getAttribute("data-country") === country.value);
        var part = option.getAttribute("data-part");
        if (on && parts.indexOf(part) === -1) {
          parts.push(part);
        }
      });
      return parts;
    }

    function optionText(select, value) {
      var option = select.querySelector('option[value="' + value + '"]');
      return option ? option.textContent.trim() : value;
    }

    function answerFor(block, address) {
      var section = document.createElement("section");
      section.className = "fpd-answer";
      var title = document.createElement("h3");
      var areaId = block.getAttribute("data-area");
      title.textContent = selectedText(role) + " · " + optionText(area, areaId) + " (" + optionText(country, block.getAttribute("data-country")) + ")";
      section.appendChild(title);
      Array.prototype.forEach.call(block.children, function (child) {
        section.appendChild(document.importNode(child, true));
      });
      rebase(section, address);
      return section;
    }

    function failed(address) {
      status.textContent = status.getAttribute("data-msg-failed") + " ";
      var link = document.createElement("a");
      link.href = address;
      link.textContent = selectedText(role);
      status.appendChild(link);
      results.setAttribute("data-state", "failed");
    }

    function show() {
      var request = ++latest;
      results.textContent = "";
      if (!role.value) {
        status.textContent = status.getAttribute("data-msg-prompt");
        results.setAttribute("data-state", "idle");
        return;
      }
      var chosen = role.options[role.selectedIndex];
      var address = new URL(chosen.getAttribute("data-page"), window.location.href).href;
      var addresses = partsWanted().map(function (part) {
        return partAddress(chosen.getAttribute("data-page"), chosen.getAttribute("data-part-page"), part);
      });
      status.textContent = status.getAttribute("data-msg-loading");
      results.setAttribute("data-state", "loading");
      Promise.all(addresses.map(referrerPage)).then(function (pages) {
        if (request !== latest) {
          return;
        }
        var count = 0;
        pages.forEach(function (page, index) {
          Array.prototype.forEach.call(page.querySelectorAll(".fpd-area-answers"), function (block) {
            var on = (!area.value || block.getAttribute("data-area") === area.value) &&
              (!country.value || block.getAttribute("data-country") === country.value);
            if (on) {
              var section = answerFor(block, addresses[index]);
              count += section.querySelectorAll(".fpd-programme-answer").length;
              results.appendChild(section);
            }
          });
        });
        var where = area.value ? selectedText(area) : (country.value ? selectedText(country) : status.getAttribute("data-msg-any-area"));
        status.textContent = fill(status.getAttribute("data-msg-found"), {role: selectedText(role), area: where, count: String(count)});
        results.setAttribute("data-state", "ready");
      }).catch(function () {
        if (request === latest) {
          failed(address);
        }
      });
    }

    function update(event) {
      if (event && event.target === area && area.value) {
        country.value = area.options[area.selectedIndex].getAttribute("data-country");
      }
      limitAreas(country, area);
      show();
      writeQuery({role: role.value, country: area.value ? "" : country.value, area: area.value});
    }

    var query = new URLSearchParams(window.location.search);
    choose(role, query.get("role"));
    choose(area, query.get("area"));
    var picked = area.options[area.selectedIndex];
    choose(country, area.value ? picked.getAttribute("data-country") : query.get("country"));
    limitAreas(country, area);
    show();
    keepChoiceAcrossLanguages(window.location.search.replace(/^\?/, ""));

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(event);
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    });
  }

  /* The all-programmes table: each row carries its values in a marker span. */
  function tableFilters(form) {
    var table = document.querySelector(".fpd-row") && document.querySelector(".fpd-row").closest("table");
    if (!table) {
      return;
    }
    var rows = Array.prototype.filter.call(table.querySelectorAll("tbody tr"), function (row) {
      return row.querySelector(".fpd-row");
    });
    var status = form.querySelector(".fpd-filters__status");
    var fields = Array.prototype.slice.call(form.querySelectorAll("select"));
    var country = form.querySelector("[name=country]");
    var area = form.querySelector("[name=area]");
    form.hidden = false;

    function matches(row) {
      var data = row.querySelector(".fpd-row");
      return fields.every(function (field) {
        if (!field.value) {
          return true;
        }
        var words = (data.getAttribute("data-" + field.getAttribute("data-key")) || "").split(" ");
        return words.indexOf(field.value) !== -1;
      });
    }

    /* On a table split by area, an area listed on another part opens that part, keeping the choice. */
    function elsewhere() {
      var option = area.options[area.selectedIndex];
      var part = option && area.value ? option.getAttribute("data-part") : null;
      return part && part !== form.getAttribute("data-part") ? partAddress(form.getAttribute("data-first-page"), form.getAttribute("data-part-page"), part) : null;
    }

    function apply(event) {
      if (event && event.target === area && area.value) {
        country.value = area.options[area.selectedIndex].getAttribute("data-country");
      }
      var other = elsewhere();
      if (other) {
        var kept = new URLSearchParams();
        fields.forEach(function (field) {
          if (field.value) {
            kept.set(field.name, field.value);
          }
        });
        window.location.assign(other + "?" + kept.toString());
        return;
      }
      limitAreas(country, area);
      var shown = 0;
      rows.forEach(function (row) {
        var on = matches(row);
        row.hidden = !on;
        shown += on ? 1 : 0;
      });
      status.textContent = fill(status.getAttribute("data-msg"), {shown: String(shown), total: String(rows.length)});
      var values = {};
      fields.forEach(function (field) {
        values[field.name] = field.value;
      });
      writeQuery(values);
    }

    var query = new URLSearchParams(window.location.search);
    choose(country, query.get("country"));
    limitAreas(country, area);
    fields.forEach(function (field) {
      if (field !== country) {
        choose(field, query.get(field.name));
      }
    });
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });
    apply();
  }

  /* The comparison: the reader ticks which programmes to show; the address keeps the choice. */
  function compareChooser(form) {
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var status = form.querySelector(".fpd-compare__status");
    form.hidden = false;

    function apply() {
      var chosen = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      Array.prototype.forEach.call(document.querySelectorAll(".fpd-card[data-programme]"), function (card) {
        card.hidden = chosen.indexOf(card.getAttribute("data-programme")) === -1;
      });
      status.textContent = fill(status.getAttribute("data-msg"), {shown: String(chosen.length), total: String(boxes.length)});
      writeQuery({show: chosen.length === boxes.length ? "" : chosen.join(",")});
    }

    var wanted = new URLSearchParams(window.location.search).get("show");
    if (wanted !== null) {
      var ids = wanted.split(",");
      boxes.forEach(function (box) {
        box.checked = ids.indexOf(box.value) !== -1;
      });
    }
    form.addEventListener("change", apply);
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-all]");
      if (!button) {
        return;
      }
      var on = button.getAttribute("data-all") === "on";
      boxes.forEach(function (box) { box.checked = on; });
      apply();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    apply();
  }

  /* The postcode box on the referral finder and the programmes list. A UK
   * postcode's outward code names one small file (postcodes/SG1.json, from the
   * ONS Postcode Directory) that says which council each of its postcodes lies
   * in; the page's table of areas (data/postcode-areas.json) says which county
   * and nation the council lies in and which programmes serve which areas. Both
   * are fetched only when a reader asks, each once. Without the script the box
   * stays hidden and the page's area links answer instead. The files' format is
   * described in generator/pages/postcodes.py. */
  var UK_POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;
  var DUTCH_POSTCODE = /^[1-9][0-9]{3}[A-Z]{2}$/;
  /* Northern Ireland's postcodes, which the site has no file for (generator/pages/postcodes.py says why). */
  var NORTHERN_IRISH = /^BT/;
  var RUN_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
  var RUN_LENGTH = 4;

  var fetched = {};

  /* A JSON file of this site, fetched once; a failed fetch is tried again next time. */
  function json(address) {
    if (!fetched[address]) {
      fetched[address] = window.fetch(address, {credentials: "same-origin"}).then(function (response) {
        if (!response.ok) {
          var error = new Error(response.status);
          error.status = response.status;
          throw error;
        }
        return response.json();
      });
      fetched[address].catch(function () {
        delete fetched[address];
      });
    }
    return fetched[address];
  }

  /* Whether the directory holds an inward code: its two-letter unit is one of its sector's units. */
  function holds(file, inward) {
    var units = file.sectors[inward.charAt(0)] || "";
    for (var i = 0; i < units.length; i += 2) {
      if (units.substr(i, 2) === inward.substr(1)) {
        return true;
      }
    }
    return false;
  }

  /* The council an inward code of the directory lies in (null where the directory gives it none):
   * the council of the last run that starts at or before it. */
  function councilOf(file, inward) {
    if (file.councils.length === 1) {
      return file.councils[0];
    }
    var low = 0;
    var high = file.runs.length / RUN_LENGTH - 1;
    var found = 0;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (file.runs.substr(middle * RUN_LENGTH, 3) <= inward) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return file.councils[RUN_DIGITS.indexOf(file.runs.charAt(found * RUN_LENGTH + 3))];
  }

  function paragraph(text, lang) {
    var node = document.createElement("p");
    node.textContent = text;
    if (lang) {
      node.lang = lang;
    }
    return node;
  }

  function postcodeBox(form) {
    var input = form.querySelector("#fpd-postcode-input");
    var hint = form.querySelector("#fpd-postcode-hint");
    var error = form.querySelector("#fpd-postcode-error");
    var result = form.querySelector("#fpd-postcode-result");
    var areasAddress = new URL(form.getAttribute("data-table"), window.location.href).href;
    var latest = 0;
    form.hidden = false;

    function message(name, values) {
      return fill(form.getAttribute("data-msg-" + name), values || {});
    }

    function showError(text) {
      error.textContent = text;
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", hint.id + " " + error.id);
      result.textContent = "";
      result.setAttribute("data-state", "error");
      input.focus();
    }

    function clearError() {
      error.hidden = true;
      error.textContent = "";
      input.removeAttribute("aria-invalid");
      input.setAttribute("aria-describedby", hint.id);
    }

    function loading() {
      result.textContent = message("loading");
      result.setAttribute("data-state", "loading");
    }

    function show(nodes) {
      result.textContent = "";
      result.setAttribute("data-state", "ready");
      nodes.forEach(function (node) {
        result.appendChild(node);
      });
    }

    function place(areas, council) {
      var names = [council].concat(areas.within[council] || []).map(function (code, index) {
        return areas.names[code] || (index === 0 ? message("unnamed", {code: code}) : code);
      });
      return names[0] + (names.length > 1 ? " (" + names.slice(1).join(", ") + ")" : "");
    }

    function answer(areas, postcode, council) {
      var codes = [council].concat(areas.within[council] || []);
      var where = place(areas, council);
      var serving = areas.programmes.filter(function (programme) {
        return programme.areas.some(function (code) {
          return codes.indexOf(code) !== -1;
        });
      });
      var nodes = [paragraph(message("where", {postcode: postcode, place: where}))];
      if (!serving.length) {
        nodes.push(paragraph(message("none", {place: areas.names[council] || where})));
        return nodes;
      }
      nodes.push(paragraph(message("found")));
      var list = document.createElement("ul");
      serving.forEach(function (programme) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = new URL(programme.url, areasAddress).href;
        link.textContent = programme.name;
        var area = programme.areas.filter(function (code) {
          return codes.indexOf(code) !== -1;
        }).map(function (code) {
          return areas.names[code] || code;
        }).join(", ");
        item.appendChild(link);
        item.appendChild(document.createTextNode(" (" + programme.provider + "), " + message("serves", {area: area})));
        list.appendChild(item);
      });
      nodes.push(list);
      return nodes;
    }

    function lookUp() {
      var request = ++latest;
      var typed = input.value.trim();
      var compact = typed.toUpperCase().replace(/\s+/g, "");
      clearError();
      if (!compact) {
        showError(message("empty"));
        return;
      }
      if (DUTCH_POSTCODE.test(compact)) {
        loading();
        json(areasAddress).then(function (areas) {
          if (request === latest) {
            show([paragraph(areas.dutch, "nl")]);
          }
        }).catch(function () {
          if (request === latest) {
            show([paragraph(message("failed"))]);
          }
        });
        return;
      }
      var parts = UK_POSTCODE.exec(compact);
      if (!parts) {
        showError(message("invalid", {postcode: typed}));
        return;
      }
      var outward = parts[1];
      var postcode = outward + " " + parts[2];
      if (NORTHERN_IRISH.test(outward)) {
        show([paragraph(message("northern-ireland"))]);
        return;
      }
      loading();
      json(areasAddress).then(function (areas) {
        var file = new URL(areas.postcodes + outward + ".json", areasAddress).href;
        var unknown = [paragraph(message("unknown", {postcode: postcode, release: areas.release}))];
        return json(file).then(function (codes) {
          if (!holds(codes, parts[2])) {
            return unknown;
          }
          var council = councilOf(codes, parts[2]);
          if (council === null) {
            return [paragraph(message("no-council", {postcode: postcode, release: areas.release}))];
          }
          return answer(areas, postcode, council);
        }, function (failure) {
          // Every outward code of the directory has its file: no file, no such postcode.
          if (failure.status === 404) {
            return unknown;
          }
          throw failure;
        });
      }).then(function (nodes) {
        if (request === latest) {
          show(nodes);
        }
      }).catch(function () {
        if (request === latest) {
          show([paragraph(message("failed"))]);
        }
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      lookUp();
    });
  }

  /* Printed pages show every link's full address: keep the resolved address on each link. */
  function fullAddresses() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-content a[href]"), function (link) {
      var href = link.getAttribute("href");
      if (/^(mailto|tel):/.test(href) || href.charAt(0) === "#" || link.classList.contains("headerlink")) {
        return;
      }
      link.setAttribute("data-full-href", link.href);
    });
  }

  ready(function () {
    var finderForm = document.getElementById("fpd-finder");
    if (finderForm) {
      finder(finderForm);
    }
    var filterForm = document.getElementById("fpd-filters");
    if (filterForm) {
      tableFilters(filterForm);
    }
    var compareForm = document.getElementById("fpd-compare");
    if (compareForm) {
      compareChooser(compareForm);
    }
    var postcodeForm = document.getElementById("fpd-postcode");
    if (postcodeForm) {
      postcodeBox(postcodeForm);
    }
    fullAddresses();
    Array.prototype.forEach.call(document.querySelectorAll("[data-fpd-print]"), function (button) {
      button.closest(".fpd-print").hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  });
}());
