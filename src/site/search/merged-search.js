// The search index's parts (index-parts.ts) searched as one, in the browser and in Node's
// tests alike: copied beside Pagefind's script as `pagefind/merged-search.js`.
//
// The oldest part is Pagefind's own bundle (it loads the script, the worker and the WASM, once);
// each newer part is added with Pagefind's `mergeIndex`, which fetches its entry and meta files
// and then, for each query, one word chunk of it. Pagefind merges what it can:
// - filter lists and their counts are summed over the parts;
// - relevance: the results of all parts are sorted by their scores (each part scores with its
//   own word statistics, so large parts keep scores close to one index's);
// - a sort by date is done here: each page's name (a result's `id`) is its part's `ids` and
//   its place in the part's date order (served-bundle.ts), and parts never share a date and are
//   listed oldest first, so results sort by part, then by place. The index holds no sort of
//   its own: that list of every page cost the first query ~3.5 KB a 3,400-page part;
// - and a word an index does not hold is matched by the longest word it holds that starts the
//   query word ("libvirt" by "lib"). One index does that only when no page has the word; a part
//   does it whenever its own pages lack it, and would answer with pages that do not match. So a
//   part is left out of a search when another part holds a query word and it does not (found
//   by an exact search for each word, which reads the word chunks the search loads anyway,
//   counted by a filter naming the part, added to every part's pages as a synthetic filter).
//   When no part holds the word itself (a word being typed, "libv"), the best page of each part
//   shows which word it matched: parts that matched a longer word are kept, as one index would
//   keep only those, unless none did. A Chinese or Japanese word no part holds whole (Pagefind
//   cuts those into words of its own) keeps every part, without that check.
// Plain JavaScript: served as it is, with no build step.

const PART = "dotlog-part";
/** Scripts written without spaces between words, which Pagefind's segmenter cuts into words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * @param {object} pagefind  the module `pagefind/pagefind.js`, not yet initialised
 * @param {{ parts: { path: string, ids: string, from: string, to: string, records: number }[] }} list  `pagefind/parts.json`
 * @param {{ indexBase: string, options?: Record<string, unknown> }} where  the `pagefind/` folder's
 *   URL (ending in `/`), and Pagefind options for every part (`baseUrl`, `basePath`)
 */
export async function openMergedSearch(pagefind, list, { indexBase, options = {} }) {
  const parts = [...list.parts].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const primary = parts.findIndex((part) => part.path === "");
  if (primary !== 0) throw new Error("the search index's oldest part is not its main bundle");
  // Pagefind writes an index of no records without a language, which its script cannot open.
  if (parts.every((part) => part.records === 0)) return emptySearch(pagefind);
  const merged = parts.length > 1;
  await pagefind.options({ ...options, ...(merged ? { mergeFilter: { [PART]: "0" } } : {}) });
  await pagefind.init();
  const { basePath: _basePath, ...partOptions } = options;
  await Promise.all(
    parts.slice(1).map((part, i) => pagefind.mergeIndex(`${indexBase}${part.path}`, { ...partOptions, mergeFilter: { [PART]: String(i + 1) } })),
  );

  const every = parts.map((_, i) => i);

  /** Results of every part, best first, or by date (`sort: { date: "asc" | "desc" }`) across parts. */
  async function search(term, { filters = {}, sort } = {}) {
    const holding = !merged || term === null ? every : await partsHolding(term);
    const narrowed = holding.length === parts.length ? filters : { ...filters, [PART]: { any: holding.map(String) } };
    const { results } = await pagefind.search(term, { filters: narrowed });
    const direction = sort ? Object.values(sort)[0] : undefined;
    return direction ? byDate(results, direction) : results;
  }

  /** Results in date order: by part (oldest first), then by their place in it. */
  function byDate(results, direction) {
    const keyed = results.map((result) => {
      const part = parts.findIndex((p) => result.id.startsWith(p.ids));
      return { result, part, place: Number.parseInt(result.id.slice(parts[part]?.ids.length ?? 0), 16) };
    });
    keyed.sort((a, b) => a.part - b.part || a.place - b.place);
    if (direction === "desc") keyed.reverse();
    return keyed.map(({ result }) => result);
  }

  /** The parts that may answer `term`: those holding each of its words, where any part does. */
  async function partsHolding(term) {
    if (/^\s*".+"\s*$/.test(term)) return every;
    const words = term.replaceAll('"', " ").split(/\s+/).filter((word) => word !== "");
    const holders = await Promise.all(
      words.map(async (word) => {
        const counts = (await pagefind.search(`"${word}"`, {})).filters?.[PART] ?? {};
        const exact = every.filter((i) => (counts[String(i)] ?? 0) > 0);
        if (exact.length > 0) return exact;
        // Pagefind cuts Chinese and Japanese into words of its own, so a quoted search for a
        // longer run of them finds nothing in any part ("统计信息", held by 26 pages), and each
        // part's best page matched a piece of it ("统计"), never a longer word: the check
        // would keep every part at the cost of a page fragment from each. Every part stays in.
        return UNSPACED.test(word) ? [] : partsExtending(word);
      }),
    );
    return every.filter((i) => holders.every((held) => held.length === 0 || held.includes(i)));
  }

  /** Parts whose best page for `word` matched a word starting with it (or that cannot tell). */
  async function partsExtending(word) {
    const prefix = bare(word);
    const verdicts = await Promise.all(
      every.map(async (i) => {
        const [best] = (await pagefind.search(word, { filters: { [PART]: String(i) } })).results;
        if (!best) return false;
        const page = await best.data();
        const text = page.raw_content ?? page.content ?? "";
        const tokens = text.split(text.includes("\u200B") ? "\u200B" : /\s+/);
        const matched = (page.locations ?? []).map((location) => tokens[location] ?? "");
        // A match in the index-only words has no place in the text: such a part is kept.
        if (matched.length === 0) return true;
        return matched.some((token) => token.split(/[^\p{L}\p{N}_]+/u).some((part) => bare(part).startsWith(prefix)) || bare(token).startsWith(prefix));
      }),
    );
    // No part matched a longer word: each answers with its shorter one, as one index would.
    return every.filter((i) => verdicts[i]);
  }

  return {
    parts: parts.length,
    search,
    /** Loads what a search will need (Pagefind's preload) without running it. */
    preload: (term, { filters = {} } = {}) => pagefind.preload(term, { filters }),
    /** Every filter value with its count over all parts; the part filter is not one a reader sees. */
    async filters() {
      const { [PART]: _part, ...rest } = await pagefind.filters();
      return rest;
    },
    destroy: () => pagefind.destroy(),
  };
}

/** A word as Pagefind compares it: lower case, without punctuation. */
function bare(word) {
  return word.toLocaleLowerCase().replace(/[^\p{L}\p{N}_]+/gu, "");
}

/** The search of a site with nothing to search: every query finds nothing. */
function emptySearch(pagefind) {
  return {
    parts: 1,
    search: async () => [],
    preload: async () => {},
    filters: async () => ({}),
    destroy: () => pagefind.destroy(),
  };
}
