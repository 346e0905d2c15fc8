// The /search/ page: runs the query in `?q=` (and the tag, year and sort in the URL) against
// the site's Pagefind index, and keeps the URL in step so a search can be bookmarked.
// A module loaded by <script src>: no inline script, so a strict CSP holds.
// The index comes in parts (`pagefind/parts.json`); `pagefind/merged-search.js`, written with
// them, searches them as one.

// Each result shown costs its whole fragment (the entry's text): a few at first keeps a query
// small on a large log; "Show more results" adds more.
const FIRST_PAGE = 5;
const MORE_PAGE = 10;
// This file is served from `<site root>/assets/`: the index and the result URLs hang off
// the same root, so a site under a path prefix works without configuration.
const siteRoot = new URL("../", import.meta.url);
const indexBase = new URL("pagefind/", siteRoot);
// Pagefind's own debounce, kept for the parts searched one by one when sorted.
const DEBOUNCE_MS = 250;

const form = document.querySelector("[data-search-form]");
const input = form?.querySelector("input[name=q]");
const tagSelect = form?.querySelector("select[name=tag]");
const yearSelect = form?.querySelector("select[name=year]");
const sortSelect = form?.querySelector("select[name=sort]");
const status = document.querySelector("[data-search-status]");
const list = document.querySelector("[data-search-results]");
const more = document.querySelector("[data-search-more]");

// The merged index once loaded; `ready` settles with it, or with null if it could not be loaded.
let index = null;
let ready = Promise.resolve(null);
let current = { hits: [], shown: 0, query: "" };
let generation = 0;
const UNAVAILABLE = "Search is not available: the search index could not be loaded.";

if (form && input && status && list && more) start();

async function start() {
  readUrl();
  // A reader may type and press Enter before the index has loaded: the handlers are there from
  // the start and wait for it, so the form never reloads the page instead.
  ready = openIndex();
  input.addEventListener("input", () => run({ debounce: true }));
  for (const select of [tagSelect, yearSelect, sortSelect]) select?.addEventListener("change", () => run());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  more.addEventListener("click", () => showMore({ focusFirstNew: true }));
  form.addEventListener("keydown", onFormKey);
  list.addEventListener("keydown", onListKey);
  index = await ready;
  if (!index) return;
  form.querySelector("[data-search-filters]")?.removeAttribute("hidden");
  // The tag and year lists are loaded when a reader reaches for them, not with every search:
  // on a large log they weigh more than the query itself.
  for (const select of [tagSelect, yearSelect]) {
    for (const type of ["focus", "pointerdown"]) select?.addEventListener(type, loadFilters, { once: true });
  }
  if (generation === 0) await run({ keepUrl: true });
}

async function openIndex() {
  try {
    const [pagefind, merged, parts] = await Promise.all([
      import(new URL("pagefind.js", indexBase).href),
      import(new URL("merged-search.js", indexBase).href),
      fetch(new URL("parts.json", indexBase), { cache: "no-cache" }).then((response) => {
        if (!response.ok) throw new Error(`${response.status} fetching parts.json`);
        return response.json();
      }),
    ]);
    return await merged.openMergedSearch(pagefind, parts, { indexBase: indexBase.pathname, options: { baseUrl: siteRoot.pathname } });
  } catch (error) {
    say(UNAVAILABLE);
    console.error(error);
    return null;
  }
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  setSelect(tagSelect, params.get("tag") ?? "");
  setSelect(yearSelect, params.get("year") ?? "");
  setSelect(sortSelect, params.get("sort") ?? "");
}

function setSelect(select, value) {
  if (!select) return;
  // A value from the URL that is not listed yet is kept until the filters are filled in.
  if (value && ![...select.options].some((option) => option.value === value)) select.add(new Option(value, value));
  select.value = value;
}

let filtersLoaded = null;
function loadFilters() {
  filtersLoaded ??= index.filters().then(fillFilters);
  return filtersLoaded;
}

function fillFilters(filters) {
  fillSelect(tagSelect, Object.keys(filters.tag ?? {}).sort((a, b) => a.localeCompare(b)));
  fillSelect(yearSelect, Object.keys(filters.year ?? {}).sort().reverse());
}

function fillSelect(select, values) {
  if (!select) return;
  const chosen = select.value;
  for (const option of [...select.options]) if (option.value !== "") option.remove();
  for (const value of values) select.add(new Option(value, value));
  select.value = values.includes(chosen) ? chosen : "";
}

async function run({ debounce = false, keepUrl = false } = {}) {
  const mine = ++generation;
  const query = input.value.trim();
  const filters = {};
  if (tagSelect?.value) filters.tag = tagSelect.value;
  if (yearSelect?.value) filters.year = yearSelect.value;
  const sort = sortSelect?.value === "newest" ? { date: "desc" } : sortSelect?.value === "oldest" ? { date: "asc" } : undefined;
  if (!keepUrl) writeUrl(query);

  if (query === "" && Object.keys(filters).length === 0) {
    current = { hits: [], shown: 0, query };
    list.replaceChildren();
    more.hidden = true;
    say("Type a word, a command or an identifier to search the log.");
    return;
  }
  say("Searching…");
  const search = index ?? (await ready);
  if (mine !== generation) return;
  if (!search) return say(UNAVAILABLE);
  const options = { filters, ...(sort ? { sort } : query === "" ? { sort: { date: "desc" } } : {}) };
  const term = query === "" ? null : query;
  if (debounce) {
    // Typing: the index chunks load while the reader types; the search runs once they pause.
    search.preload(term, options).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
    if (mine !== generation) return;
  }
  const hits = await search.search(term, options);
  if (mine !== generation) return;
  current = { hits, shown: 0, query };
  list.replaceChildren();
  await showMore({ focusFirstNew: false });
  if (mine !== generation) return;
  const count = hits.length;
  const what = query === "" ? "" : ` for “${query}”`;
  say(count === 0 ? `No results${what}.` : `${count.toLocaleString("en")} ${count === 1 ? "result" : "results"}${what}.`);
}

function writeUrl(query) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (tagSelect?.value) params.set("tag", tagSelect.value);
  if (yearSelect?.value) params.set("year", yearSelect.value);
  if (sortSelect?.value) params.set("sort", sortSelect.value);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

async function showMore({ focusFirstNew }) {
  const mine = generation;
  const size = current.shown === 0 ? FIRST_PAGE : MORE_PAGE;
  const next = current.hits.slice(current.shown, current.shown + size);
  const data = await Promise.all(next.map((hit) => hit.data()));
  if (mine !== generation) return;
  const items = data.map(renderResult);
  list.append(...items);
  current.shown += next.length;
  more.hidden = current.shown >= current.hits.length;
  if (focusFirstNew) items[0]?.querySelector("a")?.focus();
}

function renderResult(data) {
  const item = element("li", "search-result");
  const heading = element("h2", "search-result-title");
  const link = element("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);

  const meta = element("p", "search-result-meta");
  if (data.meta.date) {
    const time = element("time");
    time.dateTime = data.meta.date;
    time.textContent = data.meta.date.replace("T", " ");
    meta.append(time);
  }
  if (data.filters?.kind?.includes("post")) meta.append(" ", element("span", "search-result-kind", "blog post"));
  const tags = data.filters?.tag ?? [];
  if (tags.length > 0) {
    const tagList = element("span", "search-result-tags");
    tagList.append(...tags.map((tag) => element("span", "search-result-tag", tag)));
    meta.append(" ", tagList);
  }

  const excerpt = element("p", "search-result-excerpt");
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(heading, meta, excerpt);
  return item;
}

// Pagefind's excerpt is the page's text with `<` and `>` escaped and the matches in <mark>:
// rebuilt here as text nodes, so nothing from the log is ever parsed as HTML.
function excerptNodes(excerpt) {
  const nodes = [];
  const parts = excerpt.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part !== "") {
      const text = part.replaceAll("&lt;", "<").replaceAll("&gt;", ">");
      nodes.push(marked ? element("mark", undefined, text) : document.createTextNode(text));
    }
  }
  return nodes;
}

function element(name, className, text) {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function say(message) {
  status.textContent = message;
}

// Arrow keys move between the search box and the result links; Escape goes back to the box.
function onFormKey(event) {
  if (event.key === "ArrowDown" && event.target === input) {
    const first = list.querySelector("a");
    if (first) {
      event.preventDefault();
      first.focus();
    }
  }
}

function onListKey(event) {
  const links = [...list.querySelectorAll(".search-result-title a")];
  const index = links.indexOf(document.activeElement);
  if (index === -1) return;
  if (event.key === "ArrowDown" && index < links.length - 1) {
    event.preventDefault();
    links[index + 1].focus();
  } else if (event.key === "ArrowUp") {
    event.preventDefault();
    (index === 0 ? input : links[index - 1]).focus();
  } else if (event.key === "Escape") {
    event.preventDefault();
    input.focus();
  }
}
