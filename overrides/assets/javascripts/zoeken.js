/* GIA Wegwijzer: the search page (/zoeken/?q=…), on Pagefind's JavaScript API.
   - Whole questions ("wie bel ik bij huwelijksdwang") lose their question words before searching.
   - A begrip, abbreviation or vorm van geweld in the query shows its explanation above the results.
   - Every query about violence, and every query without results, shows the crisis numbers.
   - Filters (soort, regio, gemeente, expertise) come from the index and are kept in the address.
   Nothing is stored in the browser; everything runs here, on this site's own files. */

const scope = window.__md_scope || new URL("../", location.href);
const form = document.getElementById("gia-zoekformulier");
const input = document.getElementById("gia-zoekveld");
const statusLine = document.getElementById("gia-zoekstatus");
const list = document.getElementById("gia-zoekresultaten");
const more = document.getElementById("gia-meer");
const answerBox = document.getElementById("gia-antwoord");
const crisis = document.getElementById("gia-crisis-zoek");
const filterBox = document.getElementById("gia-filters");
const filterList = document.getElementById("gia-filterlijst");
const FILTERS = [["soort", "Soort"], ["regio", "Regio"], ["gemeente", "Gemeente"], ["expertise", "Vorm van geweld"]];
const PAGE_SIZE = 10;

let pagefindModule = null;
let help = null;
let results = [];
let shown = 0;

async function pagefind() {
  if (!pagefindModule) {
    pagefindModule = await import(new URL("pagefind/pagefind.js", scope).href);
    await pagefindModule.options({ baseUrl: scope.pathname, excerptLength: 26, ranking: { pageLength: 0.1, termSimilarity: 3 } });
    await pagefindModule.init();
  }
  return pagefindModule;
}

async function helpData() {
  if (!help) {
    const response = await fetch(new URL("zoeken/hulp.json", scope));
    help = await response.json();
    help.stop = new Set(help.stopwoorden);
    help.violence = new Set(help.geweld);
  }
  return help;
}

function normalise(text) {
  return text.toLowerCase().normalize("NFC").replace(/[?!.,;:"'()]/g, " ").replace(/\s+/g, " ").trim();
}

/* The whole query as one token, as the pages carry it for their full names (see records.name_key). */
function nameKey(text) {
  return "xq" + text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/* Drop question words; keep the query as typed when nothing would be left. */
function meaningful(query, data) {
  const words = normalise(query).split(" ").filter(Boolean);
  const kept = words.filter((w) => !data.stop.has(w));
  return (kept.length ? kept : words).join(" ");
}

function findAnswer(query, data) {
  const q = normalise(query);
  const padded = ` ${q} `;
  let best = null;
  for (const entry of data.antwoorden) {
    for (const word of entry.woorden) {
      const w = normalise(word);
      if (!w) continue;
      const score = w === q ? 3 : padded.includes(` ${w} `) && w.length > 2 ? 2 + w.length / 100 : 0;
      if (score && (!best || score > best.score)) best = { entry, score };
    }
  }
  return best ? best.entry : null;
}

function aboutViolence(query, data) {
  return normalise(query).split(" ").some((w) => data.violence.has(w) || [...data.violence].some((v) => v.length > 5 && w.includes(v)));
}

/* Text from the records and the index reaches the page only as text (textContent and DOM nodes),
   never as HTML: a naam like "<img onerror=…>" shows as what it is. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/* A link on this site only; anything else (another host, javascript:, data:) gets no link at all. */
function siteHref(url) {
  const target = new URL(url, location.href);
  return target.origin === location.origin ? target.pathname + target.search + target.hash : null;
}

/* Pagefind excerpts are HTML with <mark> around the hits. They are read by an inert parser (nothing
   loads or runs there) and rebuilt from their text, keeping only the marks; name tokens are dropped. */
function excerptNodes(html) {
  const withoutKeys = html.replace(/(<mark>)?xq[\p{L}\p{N}]+(<\/mark>)?/gu, "");
  const parsed = new DOMParser().parseFromString(`<p>${withoutKeys}</p>`, "text/html").body;
  const nodes = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) nodes.push(document.createTextNode(child.textContent));
      else if (child.nodeName === "MARK") nodes.push(el("mark", { text: child.textContent }));
      else walk(child);
    }
  };
  walk(parsed);
  return nodes;
}

function chosenFilters() {
  const chosen = {};
  for (const select of filterList.querySelectorAll("select")) {
    if (select.value) chosen[select.name] = select.value;
  }
  return chosen;
}

/* Filter values cost a few kilobytes: they load when the reader opens "Resultaten filteren". */
async function buildFilters(params) {
  if (filterList.childElementCount) return;
  const available = await (await pagefind()).filters();
  for (const [name, label] of FILTERS) {
    const values = Object.keys(available[name] || {}).sort((a, b) => a.localeCompare(b, "nl"));
    if (!values.length) continue;
    const wrapper = document.createElement("label");
    wrapper.textContent = label;
    const select = document.createElement("select");
    select.name = name;
    select.append(new Option("Alle", ""));
    for (const value of values) select.append(new Option(value, value));
    select.value = params.get(name) || "";
    select.addEventListener("change", () => run(input.value, true));
    wrapper.append(select);
    filterList.append(wrapper);
  }
}

function renderAnswer(entry) {
  answerBox.replaceChildren();
  if (!entry) return;
  const href = siteHref(new URL(entry.url, scope).href);
  const naam = el("p", { class: "gia-antwoordblok__naam" }, href ? el("a", { href, text: entry.naam }) : entry.naam);
  const box = el("aside", { class: "gia-antwoordblok", "aria-label": `Uitleg: ${entry.naam}` },
    el("p", { class: "gia-antwoordblok__soort", text: entry.soort }), naam, el("p", { text: entry.uitleg }));
  answerBox.append(box);
}

function renderResult(data) {
  const href = siteHref(data.url);
  const title = data.meta.title || data.url;
  const meta = el("p", { class: "gia-resultaat__meta" });
  if (data.meta.soort) meta.append(el("span", { class: "gia-resultaat__soort", text: data.meta.soort }));
  if (data.meta.telefoon) {
    meta.append(" · ", el("a", { class: "gia-tel", href: `tel:${data.meta.telefoon.replace(/[^\d+]/g, "")}`, text: data.meta.telefoon }));
  }
  const item = el("li", { class: "gia-resultaat" },
    href ? el("a", { class: "gia-resultaat__titel", href, text: title }) : el("span", { class: "gia-resultaat__titel", text: title }),
    meta, el("p", { class: "gia-resultaat__uittreksel" }, ...excerptNodes(data.excerpt || "")));
  const subs = (data.sub_results || []).filter((s) => s.url !== data.url && s.url.includes("#") && siteHref(s.url)).slice(0, 3);
  if (subs.length) {
    item.append(el("ul", { class: "gia-resultaat__sub", "aria-label": "Op deze pagina" },
      ...subs.map((s) => el("li", {}, el("a", { href: siteHref(s.url), text: s.title })))));
  }
  return item;
}

async function showMore() {
  const batch = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
  batch.forEach((data) => list.append(renderResult(data)));
  shown += batch.length;
  more.hidden = shown >= results.length;
}

/* Pagefind results for a query. Pages whose full name (or other name) is exactly what was typed
   come first: Pagefind requires every word, so the name token is searched on its own and merged. */
async function search(query, filters = {}) {
  const data = await helpData();
  const engine = await pagefind();
  const response = await engine.search(meaningful(query, data), { filters });
  const found = response ? response.results : [];
  // Only names of three or more words need the extra lookup; it costs one more index chunk.
  if (normalise(query).split(" ").length < 3) return found;
  const key = nameKey(query);
  const exact = await engine.search(key, { filters });
  // Pagefind answers an unknown token with near matches; keep only pages that carry the exact token.
  const candidates = exact ? exact.results.slice(0, 5) : [];
  const contents = await Promise.all(candidates.map((r) => r.data()));
  const first = candidates.filter((r, i) => contents[i].content.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(key));
  const ids = new Set(first.map((r) => r.id));
  return [...first, ...found.filter((r) => !ids.has(r.id))];
}

async function run(query, fromFilter = false) {
  const data = await helpData();
  const params = new URLSearchParams(location.search);
  const filters = fromFilter ? chosenFilters() : Object.fromEntries(FILTERS.map(([n]) => [n, params.get(n)]).filter(([, v]) => v));
  list.replaceChildren();
  shown = 0;
  if (!query.trim()) {
    statusLine.textContent = "Typ een zoekwoord.";
    crisis.hidden = true;
    renderAnswer(null);
    more.hidden = true;
    return;
  }
  statusLine.textContent = "Zoeken…";
  renderAnswer(findAnswer(query, data));
  results = await search(query, filters);
  crisis.hidden = !(results.length === 0 || aboutViolence(query, data));
  statusLine.textContent = results.length === 0
    ? `Geen resultaten voor “${query}”. Probeer een ander woord, of bel bij twijfel Veilig Thuis.`
    : `${results.length} ${results.length === 1 ? "resultaat" : "resultaten"} voor “${query}”.`;
  await showMore();
  const url = new URL(location.href);
  url.search = new URLSearchParams({ q: query, ...filters }).toString();
  history.replaceState(null, "", url);
  filterBox.hidden = false;
  if (filterBox.open || FILTERS.some(([n]) => url.searchParams.get(n))) await buildFilters(url.searchParams);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run(input.value);
});
more.addEventListener("click", () => showMore());
filterBox.addEventListener("toggle", () => {
  if (filterBox.open) buildFilters(new URLSearchParams(location.search));
});

window.giaZoek = {
  async urls(query, filters = {}) {
    const found = await search(query, filters);
    const data = await Promise.all(found.slice(0, 10).map((r) => r.data()));
    return data.map((d) => ({ url: d.url, sub: (d.sub_results || []).map((s) => s.url) }));
  },
  answer: async (query) => findAnswer(query, await helpData()),
  aboutViolence: async (query) => aboutViolence(query, await helpData()),
};

const initial = new URLSearchParams(location.search).get("q") || "";
input.value = initial;
if (initial) run(initial);
document.documentElement.dataset.giaZoekKlaar = "1";
