/* GIA Wegwijzer: quick exit ("Snel weg"), after the GOV.UK "Exit this page" pattern.
   Without JavaScript the button and the skip link are plain links to a neutral site. With JavaScript
   the page is replaced (location.replace), so the Back button does not return here, and pressing
   Shift three times within five seconds does the same. It cannot erase the browser history: the
   page "Veilig internetten" explains how to do that. */
(function () {
  "use strict";
  var links = document.querySelectorAll("[data-gia-snelweg]");
  if (!links.length) return;
  var target = links[0].getAttribute("href");

  function exitPage(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("gia-verlaten");
    document.title = "Laden…";
    window.location.replace(target);
  }

  Array.prototype.forEach.call(links, function (a) { a.addEventListener("click", exitPage); });

  /* Count a Shift only when it is released without another key pressed meanwhile (as GOV.UK does):
     the Shift of a capital letter never counts, and any other key starts the count over. */
  var presses = 0;
  var timer = null;
  var shiftAlone = false;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) shiftAlone = true;
      return;
    }
    shiftAlone = false;
    presses = 0;
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) return;
    shiftAlone = false;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 5000);
    if (presses >= 3) { presses = 0; exitPage(null); }
  });
})();

/* Wide tables: Material wraps each table in a box that scrolls sideways when the table does not fit.
   A box that scrolls must be reachable with the keyboard (WCAG 2.1.1), so it gets a tab stop and a
   name. Material builds the boxes after DOMContentLoaded, so watch the content for them. */
(function () {
  "use strict";
  function markScrollers() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (box) {
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Tabel (schuif opzij om alles te zien)");
      } else if (box.hasAttribute("tabindex")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  var content = document.querySelector(".md-content") || document.body;
  new MutationObserver(markScrollers).observe(content, { childList: true, subtree: true });
  markScrollers();
  window.addEventListener("resize", markScrollers);
})();

/* Uitvoeringsagenda: filter the activities by programmalijn, niveau, subregio and status.
   Without JavaScript the form stays hidden and the page is read as grouped sections (with pages per
   niveau and subregio); with it, non-matching activities and empty thema headings are hidden. */
(function () {
  "use strict";
  var form = document.querySelector("[data-gia-filter]");
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll(".gia-activiteit"));
  var count = form.querySelector("output");
  var headings = Array.prototype.slice.call(document.querySelectorAll(".md-typeset h3"));

  function matches(el, wanted) {
    return Object.keys(wanted).every(function (name) {
      return (" " + (el.getAttribute("data-" + name) || "") + " ").indexOf(" " + wanted[name] + " ") >= 0;
    });
  }

  function apply() {
    var wanted = {};
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) { if (s.value) wanted[s.name] = s.value; });
    var shown = 0;
    items.forEach(function (el) { el.hidden = !matches(el, wanted); if (!el.hidden) shown += 1; });
    headings.forEach(function (h) {
      var any = false;
      for (var n = h.nextElementSibling; n && !/^H[23]$/.test(n.tagName); n = n.nextElementSibling) {
        if (n.classList.contains("gia-activiteit") && !n.hidden) any = true;
      }
      h.hidden = !any;
    });
    count.textContent = shown + " van de " + items.length + " activiteiten";
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();

/* "Wie bel ik?": the professional's role as an optional first choice. Without JavaScript every answer
   page lists all roles folded under "Wat doe jij nu?". With it, the choice on the start page travels
   along in the address (?rol=…) through the three steps, and the answer opens that role's section (also
   for #rol-… links). Nothing is stored in the browser. */
(function () {
  "use strict";
  var chooser = document.querySelector("[data-gia-rolkeuze]");
  var rol = new URLSearchParams(window.location.search).get("rol") || "";
  if (!/^[a-z0-9-]*$/.test(rol)) rol = "";
  if (chooser) {
    chooser.hidden = false;
    Array.prototype.forEach.call(chooser.querySelectorAll("a[data-rol]"), function (a) {
      if (a.getAttribute("data-rol") === rol) a.setAttribute("aria-current", "true");
    });
  }
  var wanted = rol || (window.location.hash.indexOf("#rol-") === 0 ? window.location.hash.slice(5) : "");
  var section = wanted && document.getElementById("rol-" + wanted);
  if (section && section.tagName === "DETAILS") {
    section.open = true;
    section.classList.add("gia-rol--gekozen");
    // No scrolling to it: the page opens at "Bel in deze volgorde", which comes before any role's advice.
  }
  /* A role opened by the reader is the chosen one (for print, where the theme opens every <details>). */
  Array.prototype.forEach.call(document.querySelectorAll("details.gia-rol > summary"), function (summary) {
    summary.addEventListener("click", function () {
      var details = summary.parentNode;
      window.setTimeout(function () { details.classList.toggle("gia-rol--gekozen", details.open); }, 0);
    });
  });
  if (!rol) return;
  Array.prototype.forEach.call(document.querySelectorAll(".md-content a[href]"), function (a) {
    var url = new URL(a.getAttribute("href"), window.location.href);
    if (url.origin !== window.location.origin || url.pathname.indexOf("/wie-bel-ik/") < 0 || url.searchParams.has("rol")) return;
    url.searchParams.set("rol", rol);
    a.setAttribute("href", url.pathname + url.search + url.hash);
  });
})();

/* Search from the header (issue 14, fast on a phone network): when its field gets focus, the browser
   starts fetching what the search page will need (Pagefind's script, index files and WebAssembly, the
   search script and its word lists) while the reader types, so the results come sooner after Enter.
   Prefetched files only wait in the browser's cache; nothing of them runs on this page. */
(function () {
  "use strict";
  var field = document.getElementById("gia-kopzoek-veld");
  var probe = document.createElement("link");
  if (!field || !field.form || !probe.relList || !probe.relList.supports("prefetch")) return;
  if (document.getElementById("gia-zoekformulier")) return; // the search page loads all of it already
  var root = new URL("../", field.form.action);

  function prefetch(path) {
    var link = document.createElement("link");
    link.rel = "prefetch";
    link.crossOrigin = "anonymous"; // fetched later by script (fetch, import), so in the same mode
    link.href = new URL(path, root).href;
    document.head.appendChild(link);
  }

  field.addEventListener("focus", function () {
    ["pagefind/pagefind.js", "assets/javascripts/zoeken.js", "zoeken/woorden.json", "zoeken/hulp.json"].forEach(prefetch);
    // The index files carry the index version in their names: Pagefind's entry file says which.
    fetch(new URL("pagefind/pagefind-entry.json", root), { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (entry) {
        var info = entry.languages[document.documentElement.lang] || entry.languages[Object.keys(entry.languages)[0]];
        if (!info || !/^[a-z]+_[0-9a-f]+$/.test(info.hash)) return;
        prefetch("pagefind/pagefind-entry.json?ts=" + info.hash);
        prefetch("pagefind/pagefind." + info.hash + ".pf_meta");
        prefetch("pagefind/wasm." + (info.wasm || "unknown") + ".pagefind");
      })
      .catch(function () { /* no index (a build without search): nothing to warm */ });
  }, { once: true });
})();
