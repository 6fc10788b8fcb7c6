/* GIA Wegwijzer: the search page (/zoeken/?q=…), on Pagefind's JavaScript API.
   - Whole questions ("wie bel ik bij huwelijksdwang") lose their question words before searching.
   - A begrip, abbreviation or vorm van geweld in the query shows its explanation above the results,
     with the way to its Wie-bel-ik answer (for the gemeente too, when the query names one).
   - A described situation ("de buren horen elke avond geschreeuw en klappen") is matched against what
     each vorm looks like in practice, and the answer box says which vorm it resembles.
   - A word that is on no page of this site is not silently replaced by a shorter one (Pagefind would
     match "sexting" on "se"): the page says plainly there is no match and offers Wie bel ik.
   - Every query about violence, and every query without results, shows the crisis numbers.
   - Filters (soort, regio, gemeente, expertise) come from the index and are kept in the address.
   - Fast on a phone network: the page's <head> preloads what Pagefind fetches (its script, entry,
     metadata and WebAssembly, and the word lists); the index chunks of the query in the address are
     fetched as soon as this script runs, from the table of chunks in the <head>, not after Pagefind's
     WebAssembly; Pagefind runs on this page's own thread so it uses them at once; searches that do not
     depend on each other run together; results show one by one as they arrive; the answer-box data
     (zoeken/hulp.json) is fetched once the index chunks are in, so it never competes with them.
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
const URGENTIES = [["acuut", "Acuut gevaar"], ["zorgen", "Zorgen of een vermoeden"], ["advies", "Advies vragen"]];
const PAGE_SIZE = 10;
const EXCERPT_WORDS = 26;

let pagefindPromise = null;
let wordsPromise = null;
let helpPromise = null;
let results = [];
let shown = 0;
let runs = 0;

/* The index version the <head> preloads (searchindex.py writes it in after indexing): Pagefind then asks
   for exactly the entry file that was preloaded. Without it, Pagefind asks for a fresh one as usual. */
function indexTag() {
  const link = document.querySelector("link[data-gia-zoekindex]");
  const tag = link ? new URL(link.href).searchParams.get("ts") : null;
  return tag && /^[a-z]+_[0-9a-f]+$/.test(tag) ? tag : null;
}

/* Pagefind, loaded once. On this page's own thread (noWorker): a worker would fetch everything again
   instead of using what the <head> preloaded, one file after another. */
function pagefind() {
  if (!pagefindPromise) {
    pagefindPromise = import(new URL("pagefind/pagefind.js", scope).href).then(async (module) => {
      await module.options({
        baseUrl: scope.pathname, excerptLength: EXCERPT_WORDS, ranking: { pageLength: 0.1, termSimilarity: 3 },
        noWorker: true, metaCacheTag: indexTag(),
      });
      await module.init();
      return module;
    });
  }
  return pagefindPromise;
}

/* The index chunks a query needs, fetched at once. The <head> carries the table of Pagefind's chunks by
   their words' first three letters (searchindex.chunk_table), so they load while Pagefind's WebAssembly
   still loads, instead of after it; Pagefind then finds them preloaded. Pagefind looks a word up as
   typed and as its stem: a word's longer forms and stem share its first letters, so they are in the
   same chunk, except that the Dutch stem drops a leading "ge" ("geweld" → "weld"). A chunk missed here
   is no error: Pagefind fetches whatever else it needs itself. */
function preloadChunks(words) {
  const link = document.querySelector("link[data-gia-zoekdelen]");
  let table = [];
  try {
    table = JSON.parse(link.dataset.giaZoekdelen);
  } catch {
    return;
  }
  const names = new Set();
  const keys = [];
  for (const word of words) {
    const letters = Array.from(plain(word));
    keys.push(letters.slice(0, 3).join(""));
    if (letters.length >= 5 && letters[0] === "g" && letters[1] === "e") keys.push(letters.slice(2, 5).join(""));
  }
  for (const key of keys) {
    for (const [from, to, name] of Array.isArray(table) ? table : []) {
      if (from <= key && key <= to && /^[a-z]+_[0-9a-f]+$/.test(name)) names.add(name);
    }
  }
  for (const name of names) {
    document.head.append(el("link", { rel: "preload", as: "fetch", crossorigin: "", href: new URL(`pagefind/index/${name}.pf_index`, scope).href }));
  }
}

/* Material's bundle (menu, header, keyboard shortcuts) waits until the first results are on screen:
   on a phone network it would share the line with Pagefind's files. Its address is on this script's
   element (overrides/main.html). Material starts itself on DOMContentLoaded; when that has passed, it
   is handed the document through its own document$ (the way its custom scripts are told of a page). */
function loadTheme() {
  const holder = document.querySelector("script[data-gia-thema]");
  if (!holder) return;
  const src = siteHref(holder.dataset.giaThema);
  holder.removeAttribute("data-gia-thema");
  if (!src) return;
  const script = el("script", { src });
  script.addEventListener("load", () => {
    const timing = performance.getEntriesByType("navigation")[0];
    if (timing && timing.domContentLoadedEventEnd > 0 && window.document$) window.document$.next(document);
  });
  document.body.append(script);
}

function fetchJson(path) {
  return fetch(new URL(path, scope)).then((response) => response.json());
}

/* The word lists every query needs (zoeken/woorden.json, small): fetched once, prepared for use. */
function wordData() {
  if (!wordsPromise) wordsPromise = fetchJson("zoeken/woorden.json").then(prepareWords);
  return wordsPromise;
}

/* The answer boxes (zoeken/hulp.json, the larger file), with the word lists: fetched once, when needed. */
function helpData() {
  if (!helpPromise) helpPromise = Promise.all([fetchJson("zoeken/hulp.json"), wordData()]).then(([help, words]) => prepareHelp(help, words));
  return helpPromise;
}

function prepareWords(words) {
  words.stop = new Set(words.stopwoorden);
  words.filler = new Set([...words.stopwoorden, ...words.vulwoorden]);
  words.persons = new Set(words.personen || []);
  words.violence = new Set(words.geweld);
  words.verbs = new Map();
  for (const [base, forms] of Object.entries(words.werkwoorden)) for (const form of forms) words.verbs.set(plain(form), base);
  words.names = new Set(words.namen);
  words.places = words.gemeenten.map(([naam, id, name]) => ({ naam, id, key: normalise(name) })).sort((a, b) => b.key.length - a.key.length);
  words.context = new Set((words.context || []).map((w) => stem(w, words)));
  return words;
}

function prepareHelp(answers, words) {
  const help = Object.assign(Object.create(words), answers);
  help.index = help.situaties.map((vorm) => {
    const stems = new Map();
    for (const [weight, text] of vorm.velden) {
      for (const t of tokens(text, help)) stems.set(t, Math.max(stems.get(t) || 0, weight));
    }
    return { id: vorm.id, stems, entry: help.antwoorden.find((a) => a.id === vorm.id) };
  });
  const spread = new Map();
  for (const vorm of help.index) for (const t of vorm.stems.keys()) spread.set(t, (spread.get(t) || 0) + 1);
  // A word that says something about one vorm weighs more than one that all vormen share.
  help.weight = (t) => Math.log(1 + help.index.length / (spread.get(t) || help.index.length));
  return help;
}

function normalise(text) {
  return text.toLowerCase().normalize("NFC").replace(/[?!.,;:"'()]/g, " ").replace(/\s+/g, " ").trim();
}

/* The whole query as one token, as the pages carry it for their full names (see records.name_key). */
function nameKey(text) {
  return "xq" + text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/* The 16-bit hash of a name token, as searchhelp.name_hash makes it (FNV-1a over code points). */
function nameHash(key) {
  let h = 0x811c9dc5;
  for (const ch of key) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193) >>> 0;
  return (h >>> 16) ^ (h & 0xffff);
}

/* The whole-name token to look up for ``query``, or null. Only names of three or more words need the
   extra lookup; it costs one more index chunk, so it is done only when the query may be a name
   (woorden.json lists the hashes of all name tokens). */
function nameToken(query, data) {
  const candidate = normalise(query).split(" ").length >= 3 ? nameKey(query) : null;
  return candidate && data.names.has(nameHash(candidate)) ? candidate : null;
}

/* Drop question words; keep the query as typed when nothing would be left. */
function meaningfulWords(query, data) {
  const words = normalise(query).split(" ").filter(Boolean);
  const kept = words.filter((w) => !data.stop.has(w));
  return kept.length ? kept : words;
}

function plain(word) {
  return word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

const SUFFIXES = ["heden", "ingen", "ing", "eren", "ers", "en", "er", "de", "te", "es", "e", "s", "t", "d"];

/* A rough Dutch stem, enough to let "klappen" meet "klap" and "bedreigd" meet "bedreiging". */
function stem(word, data) {
  const w = plain(word);
  if (data.verbs.has(w)) return data.verbs.get(w);
  let s = w;
  for (const suffix of SUFFIXES) {
    if (s.length - suffix.length >= 4 && s.endsWith(suffix)) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  return s.replace(/([bdfgklmnprst])\1$/, "$1");
}

function tokens(text, data) {
  return normalise(text).split(/[^\p{L}\p{N}+]+/u).filter((w) => w.length > 2 && !data.filler.has(w)).map((w) => stem(w, data));
}

/* 1 for the same stem; 0.5 when one is the start of the other (a compound: "dreig" in "dreigbericht"). */
function likeness(a, b) {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short) ? 0.5 : 0;
}

/* The vormen a described situation resembles most (at most two), by weighted words in common. */
function situationMatches(query, data) {
  const asked = [...new Set(tokens(query, data))];
  const scored = data.index.map((vorm) => {
    let score = 0;
    let practical = false;
    for (const t of asked) {
      let best = 0;
      let weight = 0;
      for (const [w, fieldWeight] of vorm.stems) {
        const like = likeness(t, w);
        // A typed word found inside a longer one ("vrouw" in "vrouwenbesnijdenis") says no more than the
        // typed word itself: it weighs as rare as the typed word is, not as the compound.
        const value = like * fieldWeight * (like < 1 ? Math.min(data.weight(w), data.weight(t)) : data.weight(w));
        if (value > best) {
          best = value;
          weight = fieldWeight;
        }
      }
      score += data.context.has(t) ? best / 2 : best;
      practical = practical || weight >= 1.5;
    }
    return { entry: vorm.entry, score, practical };
  }).filter((m) => m.practical && m.entry).sort((a, b) => b.score - a.score);
  if (!scored.length || scored[0].score < 2.5) return [];
  const way = direction(query, data);
  let ranked = scored;
  if (way) {
    // A parent acts: never the vorm in which the child acts (and the reverse); the vorm that fits leads.
    ranked = scored.filter((m) => m.entry.id !== way.never);
    const lead = ranked.find((m) => m.entry.id === way.lead);
    if (lead) ranked = [lead, ...ranked.filter((m) => m !== lead)];
    if (!ranked.length) return [];
  }
  return ranked.slice(0, 2).filter((m, i) => i === 0 || m.score >= 0.7 * ranked[0].score).map((m) => m.entry);
}

/* Who does it to whom, when a query names a parent, a child and an act between them (see
   searchwords.PARENT_WORDS): "vader slaat kind", "kind wordt door vader geslagen", "… dat vader slaat".
   Returns {lead, never}: the vorm that fits (if the one acted against is named) and the vorm that cannot,
   or null when the words do not say who acts. */
function direction(query, data) {
  const r = data.richting;
  if (!r) return null;
  const words = normalise(query).split(" ").map(plain);
  const role = (w) => (r.ouders.includes(w) ? "ouder" : r.kinderen.includes(w) ? "kind" : null);
  const other = (kind) => (kind === "ouder" ? "kind" : "ouder");
  // Someone named who is no parent or child ("een collega", "de buurman") can be the one who acts.
  const who = (w) => role(w) || (data.persons.has(w) ? "ander" : null);
  const act = words.findIndex((w) => r.daden.includes(w));
  if (act < 0) return null;
  let agent = -1;
  let patient = -1;
  const door = words.indexOf("door");
  const sub = words.slice(0, act).findLastIndex((w) => r.bijzinnen.includes(w));
  // "kind wordt geslagen", "kind geslagen door vader": a participle without "heeft" is done to the one before it.
  const participle = /^(ge|uitge|kleinge)/.test(words[act]) || ["mishandeld", "bedreigd", "misbruikt", "vernederd"].includes(words[act]);
  const perfect = words.some((w) => ["heeft", "hebben", "had", "hadden", "heb"].includes(w));
  if (participle && !perfect) {
    agent = door >= 0 ? words.findIndex((w, i) => i > door && who(w)) : -1;
    patient = words.slice(0, door >= 0 && door < act ? door : act).findLastIndex(role); // "kind ziet dat mama door papa …": mama
    if (agent < 0) {
      // Nobody named who does it: only the vorm in which the one it is done to acts is ruled out.
      const undergoes = patient >= 0 ? role(words[patient]) : null;
      return undergoes ? { lead: undefined, never: r.vormen[`${undergoes}-${other(undergoes)}`] } : null;
    }
  } else if (sub >= 0) {
    // Verb last after "als", "dat" …: the first person named does it, the next one undergoes it.
    agent = words.findIndex((w, i) => i > sub && i < act && who(w));
    patient = words.findIndex((w, i) => i > agent && i < act && role(w));
  } else {
    agent = words.findIndex((w, i) => i < act && who(w)); // the subject comes first: "zoon … van zijn moeder … slaat"
    patient = words.findIndex((w, i) => i > act && role(w));
  }
  if (agent < 0) return null;
  const doer = who(words[agent]);
  if (doer === "ander") {
    // "als een collega een kind slaat": the child undergoes it, so it is not the vorm in which the child acts.
    const undergoes = patient >= 0 ? role(words[patient]) : null;
    return undergoes ? { lead: undefined, never: r.vormen[`${undergoes}-${other(undergoes)}`] } : null;
  }
  if (patient < 0) patient = words.findIndex((w, i) => i !== agent && role(w) === other(doer));
  // "vader slaat moeder waar de kinderen bij zijn": one parent against the other is partnergeweld, if the kaart has it.
  const lead = patient >= 0 ? r.vormen[`${doer}-${role(words[patient])}`] : undefined;
  return { lead, never: r.vormen[`${other(doer)}-${doer}`] };
}

function findAnswer(query, data) {
  const best = bestAnswer(query, data);
  return best ? best.entry : null;
}

/* The vorm or begrip whose name (or other name) the query is or holds, with the words that matched. */
function bestAnswer(query, data) {
  const q = normalise(query);
  const padded = ` ${q} `;
  let best = null;
  for (const entry of data.antwoorden) {
    for (const word of entry.woorden) {
      const w = normalise(word);
      if (!w) continue;
      const score = w === q ? 3 : padded.includes(` ${w} `) && w.length > 2 ? 2 + w.length / 100 : 0;
      if (score && (!best || score > best.score)) best = { entry, score, word: w };
    }
  }
  return best;
}

/* The gemeente a query names, if any ("stalking Maastricht"). */
function findPlace(query, data) {
  const padded = ` ${normalise(query)} `;
  return data.places.find((p) => padded.includes(` ${p.key} `)) || null;
}

/* What the answer box shows: an exact begrip or vorm, else the vormen a situation resembles. */
function answerFor(query, data) {
  const place = findPlace(query, data);
  const found = bestAnswer(query, data);
  const exact = found ? found.entry : null;
  // The gemeente says where, not what: "veilig thuis kerkrade" is a name and a place, not a described situation.
  const what = place ? ` ${normalise(query)} `.replace(` ${place.key} `, " ") : query;
  const similar = situationMatches(what, data);
  // A described situation that happens to contain a generic word ("kinderen") is about a vorm van geweld; a
  // name with a word or two around it ("telefoonnummer veilig thuis") is about that name.
  const around = found ? tokens(` ${normalise(what)} `.replace(` ${found.word} `, " "), data).length : 0;
  const described = tokens(what, data).length >= 3 && (!found || around >= 2) && similar.length && !(exact && exact.wiebelik);
  if (exact && !described) return { entries: [exact], place, resembles: false };
  return similar.length ? { entries: similar, place, resembles: true } : null;
}

/* Every link the answer box shows, as site paths (also what the search-quality test reads). */
function answerLinks(answer) {
  if (!answer) return [];
  const links = [];
  for (const entry of answer.entries) {
    links.push([entry.naam, entry.url]);
    if (entry.wiebelik) {
      links.push([`Wie bel ik bij ${entry.naam.toLowerCase()}?`, entry.wiebelik]);
      if (answer.place) {
        for (const [u, label] of URGENTIES) links.push([`${label} in ${answer.place.naam}`, `${entry.wiebelik}${u}/${answer.place.id}/`]);
      }
    }
  }
  return links.map(([label, url]) => [label, new URL(url, scope).pathname]);
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

/* A link when the address stays on this site, plain text otherwise. */
function siteLink(url, label, attributes = {}) {
  const href = siteHref(url);
  return href ? el("a", { ...attributes, href, text: label }) : el("span", { ...attributes, text: label });
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

function renderAnswer(answer) {
  answerBox.replaceChildren();
  if (!answer) return;
  const names = answer.entries.map((e) => e.naam).join(" of ");
  const box = el("aside", { class: "gia-antwoordblok", "aria-label": answer.resembles ? `Lijkt op: ${names}` : `Uitleg: ${names}` });
  const links = answerLinks(answer);
  answer.entries.forEach((entry, i) => {
    const own = links.filter(([, url]) => url.startsWith(new URL(entry.wiebelik || entry.url, scope).pathname));
    const soort = answer.resembles ? (i === 0 ? "Lijkt op" : "Of misschien") : entry.soort;
    box.append(el("p", { class: "gia-antwoordblok__soort", text: soort }),
      el("p", { class: "gia-antwoordblok__naam" }, siteLink(new URL(entry.url, scope).href, entry.naam)));
    if (i === 0) box.append(el("p", { text: entry.uitleg }));
    if (entry.wiebelik) {
      const call = el("p", { class: "gia-antwoordblok__bellen" });
      own.forEach(([label, url], n) => call.append(...(n ? [" · "] : []), siteLink(new URL(url, scope).href, label)));
      box.append(call);
    }
  });
  answerBox.append(box);
}

/* A word of the query as the reader typed it (the search works on lower case). */
function typed(word, query) {
  const at = query.toLowerCase().indexOf(word);
  return at >= 0 ? query.slice(at, at + word.length) : word;
}

function quoted(words, query) {
  const list = words.map((w) => `“${typed(w, query)}”`);
  return list.length > 1 ? `${list.slice(0, -1).join(", ")} of ${list[list.length - 1]}` : list[0];
}

/* No page has the words: say so plainly, and offer the guide that works without the right word. */
function renderNoMatch(query, unknown) {
  answerBox.replaceChildren();
  const words = unknown.length ? quoted(unknown, query) : `“${query}”`;
  const text = el("p", {}, `Geen pagina van deze site noemt ${words}. Zoek je wie je kunt bellen? Kies de situatie in `,
    el("a", { href: new URL("wie-bel-ik/", scope).pathname, text: "Wie bel ik?" }),
    ", of beschrijf wat je ziet of hoort, bijvoorbeeld ", el("em", { text: "kind met blauwe plekken" }), ".");
  answerBox.append(el("aside", { class: "gia-antwoordblok", "aria-label": "Niets gevonden" },
    el("p", { class: "gia-antwoordblok__naam", text: "Niets gevonden" }), text));
}

function renderResult(data) {
  const title = data.meta.title || data.url;
  const meta = el("p", { class: "gia-resultaat__meta" });
  if (data.meta.soort) meta.append(el("span", { class: "gia-resultaat__soort", text: data.meta.soort }));
  if (data.meta.telefoon) {
    meta.append(" · ", el("a", { class: "gia-tel", href: `tel:${data.meta.telefoon.replace(/[^\d+]/g, "")}`, text: data.meta.telefoon }));
  }
  const item = el("li", { class: "gia-resultaat" }, siteLink(data.url, title, { class: "gia-resultaat__titel" }),
    meta, el("p", { class: "gia-resultaat__uittreksel" }, ...excerptNodes(excerptOf(data))));
  const subs = (data.sub_results || []).filter((s) => s.url !== data.url && s.url.includes("#") && siteHref(s.url)).slice(0, 3);
  if (subs.length) {
    item.append(el("ul", { class: "gia-resultaat__sub", "aria-label": "Op deze pagina" },
      ...subs.map((s) => el("li", {}, siteLink(s.url, s.title)))));
  }
  return item;
}

/* The next results, each on screen as soon as its own text has arrived (in order): the first result
   does not wait for the tenth. A newer search stops an older one from adding to the list. */
async function showMore() {
  const current = runs;
  const batch = results.slice(shown, shown + PAGE_SIZE);
  shown += batch.length;
  const loading = batch.map((r) => r.data());
  for (const pending of loading) {
    const data = await pending;
    if (current !== runs) return;
    list.append(renderResult(data));
    loadTheme();
  }
  more.hidden = shown >= results.length;
}

/* The words Pagefind really found: it answers a word it does not know with pages that hold a shorter
   word ("radicalisering" on "r.", "sexting" on "se"), so a found word must share most of its letters.
   The words it found are those at its hits in the stored text (marked in the excerpt or not) and, for
   a page found through its other names or synonyms, those hidden terms: they are kept beside the
   stored text, out of excerpts (searchindex.py). */
function marks(excerpt) {
  return [...(excerpt || "").matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => bareWord(m[1]));
}

function bareWord(text) {
  return plain(text).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+]+$/gu, "");
}

/* Every word a page was found on, also where Pagefind's excerpt does not show it: the first results
   then answer for all words of the query more often, so fewer words need a search of their own (on a
   phone network one round trip more before the first result). */
function hits(data) {
  const stored = storedWords(data);
  const located = (data.weighted_locations || []).filter((l) => l.location < stored.length).map((l) => bareWord(stored[l.location]));
  const hidden = data.verborgen && hiddenHit(data) ? plain(data.verborgen).split(/[^\p{L}\p{N}+]+/u).filter(Boolean) : [];
  return [...marks(data.excerpt), ...located, ...hidden];
}

/* The stored text as Pagefind counts its words (word positions of hits refer to these). */
function storedWords(data) {
  return (data.raw_content || "").split(/[\r\n\s]+/g);
}

/* Whether some hit lies past the visible text, in the hidden terms that were cut off. */
function hiddenHit(data) {
  const visible = storedWords(data).length;
  return (data.weighted_locations || []).some((l) => l.location >= visible);
}

/* Pagefind places an excerpt where the best-weighted hits are, and hidden terms weigh most; with those
   cut off it would show the last words of the page. So when some hits are hidden, the excerpt is made
   again from the visible hits alone (the densest stretch, as Pagefind chooses), or from the page's
   opening words when every hit is hidden. */
function excerptOf(data) {
  if (!data.verborgen || !hiddenHit(data)) return data.excerpt || "";
  const words = storedWords(data);
  const seen = data.weighted_locations.filter((l) => l.location < words.length);
  const score = new Array(words.length).fill(0);
  for (const l of seen) score[l.location] += l.balanced_score;
  let start = 0;
  let best = -1;
  let sum = 0;
  for (let i = 0; i < words.length; i++) {
    sum += score[i] - (i >= EXCERPT_WORDS ? score[i - EXCERPT_WORDS] : 0);
    if (sum > best && i >= EXCERPT_WORDS - 1) {
      best = sum;
      start = i - EXCERPT_WORDS + 1;
    }
  }
  if (!seen.length) start = 0;
  const marked = new Set(seen.map((l) => l.location));
  return words.slice(start, start + EXCERPT_WORDS).map((w, i) => (marked.has(start + i) ? `<mark>${w}</mark>` : w)).join(" ");
}

function foundAs(word, marked) {
  const w = plain(word);
  const need = w.length < 5 ? w.length : Math.max(5, Math.ceil(w.length * 0.75));
  return marked.some((m) => {
    let n = 0;
    while (n < m.length && n < w.length && m[n] === w[n]) n += 1;
    return n >= need;
  });
}

async function isKnown(engine, word) {
  const response = await engine.search(word);
  const top = response ? response.results.slice(0, 3) : [];
  const data = await Promise.all(top.map((r) => r.data()));
  return foundAs(word, data.flatMap(hits));
}

/* No page holds all words: rank pages by how many of the words they hold. */
async function anyOf(engine, words, filters) {
  const tally = new Map();
  for (const word of words) {
    const response = await engine.search(word, { filters });
    (response ? response.results : []).forEach((r, rank) => {
      const seen = tally.get(r.id) || { result: r, count: 0, rank: 0 };
      seen.count += 1;
      seen.rank += rank;
      tally.set(r.id, seen);
    });
  }
  return [...tally.values()].sort((a, b) => b.count - a.count || a.rank - b.rank).map((t) => t.result);
}

function withoutDuplicates(lists) {
  const ids = new Set();
  return lists.flat().filter((r) => !ids.has(r.id) && ids.add(r.id));
}

/* The pages among ``response``'s first five that carry the whole-name token ``key`` in their text
   (Pagefind answers an unknown token with near matches; only the exact token counts). */
async function exactMatches(response, key) {
  const candidates = response ? response.results.slice(0, 5) : [];
  const contents = await Promise.all(candidates.map((r) => r.data()));
  return candidates.filter((r, i) => contents[i].content.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(key));
}

/* Pagefind results for a query, and the words no page holds. Pages whose full name is what was typed
   come first, then the best page found; with a gemeente in the query, the best pages for that gemeente
   next ("vrouwenopvang Leiden"); then everything else found. Searches that do not need each other's
   answer start together: on a phone network every round trip costs 150 ms or more. */
async function search(query, filters = {}) {
  const [data, engine] = await Promise.all([wordData(), pagefind()]);
  let words = meaningfulWords(query, data);
  const place = findPlace(query, data);
  const nearbyFor = (kept) => {
    if (!place || filters.gemeente) return null;
    const rest = kept.filter((w) => !place.key.split(" ").includes(w));
    return rest.length && rest.length < kept.length ? engine.search(rest.join(" "), { filters: { ...filters, gemeente: place.naam } }) : null;
  };
  const key = nameToken(query, data);
  const exact = key ? engine.search(key, { filters }).then((response) => exactMatches(response, key)) : Promise.resolve([]);
  let nearby = nearbyFor(words);
  const response = await engine.search(words.join(" "), { filters });
  // The index chunks are in; what is left to fetch for the results is small, so the answer-box data
  // starts now and is there soon after the first result, without having held it up.
  helpData();
  let found = response ? response.results : [];
  // The words the best five results show, read in order and only until every word has been seen: the
  // first result is on screen without waiting for the fifth when it shows them all. A word the results
  // read so far do not show is looked up on its own at once, while the others arrive.
  const marked = [];
  const checks = new Map();
  for (const pending of found.slice(0, 5).map((r) => r.data())) {
    marked.push(...hits(await pending));
    if (words.every((w) => foundAs(w, marked))) break;
    for (const w of words) if (!foundAs(w, marked) && !checks.has(w)) checks.set(w, isKnown(engine, w));
  }
  const known = await Promise.all(words.map((w) => foundAs(w, marked) || checks.get(w) || isKnown(engine, w)));
  const unknown = words.filter((w, i) => !known[i]);
  if (unknown.length) {
    words = words.filter((w) => !unknown.includes(w));
    if (!words.length) return { results: [], unknown };
    const again = await engine.search(words.join(" "), { filters });
    found = again ? again.results : [];
    nearby = nearbyFor(words);
  }
  if (!found.length && words.length > 1) found = await anyOf(engine, words, filters);
  const near = nearby ? await nearby : null;
  const local = near ? near.results.slice(0, 3) : [];
  const ranked = withoutDuplicates([found.slice(0, 1), local, found]);
  return { results: await followDirection(query, data, engine, withoutDuplicates([await exact, ranked]), filters), unknown };
}

/* Who does what to whom (see direction): "vader slaat kind" holds every word of the page on
   kind-oudermishandeling, which is the other way round. That page goes to the end of the list, and the
   page of the vorm that fits comes first, as in the answer box. Only for such queries: one more lookup. */
async function followDirection(query, data, engine, results, filters) {
  const way = direction(query, data);
  if (!way) return results;
  const pathOf = (r) => r.data().then((d) => new URL(d.url, location.href).pathname);
  const page = async (list, vorm) => {
    const paths = await Promise.all(list.slice(0, 5).map(pathOf));
    return list[paths.findIndex((p) => p.endsWith(`/expertise/${vorm}/`))];
  };
  const lead = way.lead ? await engine.search(way.lead.replaceAll("-", " "), { filters }).then((r) => page(r ? r.results : [], way.lead)) : null;
  const wrong = way.never ? await page(results, way.never) : null;
  const rest = results.filter((r) => r.id !== (lead && lead.id) && r !== wrong);
  return [...(lead ? [lead] : []), ...rest, ...(wrong ? [wrong] : [])];
}

async function run(query, fromFilter = false) {
  const current = ++runs;
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
  more.hidden = true;
  const found = await search(query, filters);
  if (current !== runs) return;
  results = found.results;
  const words = await wordData();
  crisis.hidden = !(results.length === 0 || aboutViolence(query, words));
  // The first results go on screen while the answer-box data arrives; the status line comes last, so
  // "Zoeken…" stays until the page is complete.
  const showing = showMore();
  const answer = answerFor(query, await helpData());
  if (current !== runs) return;
  renderAnswer(answer);
  if (!results.length && !answer) renderNoMatch(query, found.unknown);
  if (answer && answer.entries.some((e) => e.wiebelik)) crisis.hidden = false;
  await showing;
  if (current !== runs) return;
  const skipped = found.unknown.length && results.length
    ? ` Geen pagina noemt ${quoted(found.unknown, query)}; gezocht op de andere woorden.` : "";
  statusLine.textContent = results.length === 0
    ? `Geen resultaten voor “${query}”. Probeer een ander woord, of bel bij twijfel Veilig Thuis.`
    : `${results.length} ${results.length === 1 ? "resultaat" : "resultaten"} voor “${query}”.${skipped}`;
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
    const data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    return data.map((d) => ({ url: d.url, sub: (d.sub_results || []).map((s) => s.url) }));
  },
  answer: async (query) => findAnswer(query, await helpData()),
  answerUrls: async (query) => answerLinks(answerFor(query, await helpData())).map(([, url]) => url),
  aboutViolence: async (query) => aboutViolence(query, await wordData()),
};

/* Someone about to search: start loading Pagefind now, not when they press Enter. */
input.addEventListener("focus", () => { pagefind(); wordData(); }, { once: true });

const initial = new URLSearchParams(location.search).get("q") || "";
input.value = initial;
if (initial) {
  wordData().then((data) => preloadChunks([...meaningfulWords(initial, data), nameToken(initial, data)].filter(Boolean)));
  run(initial).finally(loadTheme);
} else {
  loadTheme();
}
document.documentElement.dataset.giaZoekKlaar = "1";
