// Search a written Pagefind bundle from Node, the way a browser would: its own `pagefind.js`
// and `merged-search.js` (which merges the index's parts) loaded from disk, with `fetch`
// taught to read `file:` URLs. Tests and the bench use it to ask the real index questions
// instead of inspecting its compressed files.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface SearchHit {
  url: string;
  title: string;
  date: string;
  tags: string;
  excerpt: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

export interface SearchOptions {
  filters?: Record<string, string | string[]>;
  sort?: Record<string, "asc" | "desc">;
}

export interface BuiltIndex {
  /** How many Pagefind indexes (parts) the bundle is made of. */
  parts: number;
  /** Every hit, best first, with its fragment loaded. */
  search(query: string | null, options?: SearchOptions): Promise<SearchHit[]>;
  /** Filter values with their counts, as the search page lists them. */
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

interface MergedSearch {
  parts: number;
  search(query: string | null, options?: SearchOptions): Promise<{ data(): Promise<PagefindFragment> }[]>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

interface MergedSearchModule {
  openMergedSearch(pagefind: unknown, list: unknown, where: { indexBase: string; options?: Record<string, unknown> }): Promise<MergedSearch>;
}

let fetchPatched = false;
let instances = 0;

function patchFetch(): void {
  if (fetchPatched) return;
  fetchPatched = true;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith("file:")) return networkFetch(input, init);
    try {
      return new Response(await readFile(fileURLToPath(url)));
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}

export async function openBuiltIndex(pagefindDir: string): Promise<BuiltIndex> {
  patchFetch();
  const dir = path.resolve(pagefindDir);
  // Each bundle gets its own module instance: pagefind.js keeps its state at module level.
  const moduleUrl = `${pathToFileURL(path.join(dir, "pagefind.js")).href}?instance=${++instances}`;
  const pagefind: unknown = await import(moduleUrl);
  const merged = (await import(pathToFileURL(path.join(dir, "merged-search.js")).href)) as MergedSearchModule;
  const list: unknown = JSON.parse(await readFile(path.join(dir, "parts.json"), "utf8"));
  const indexBase = `${pathToFileURL(dir).href}/`;
  const index = await merged.openMergedSearch(pagefind, list, { indexBase, options: { basePath: indexBase, baseUrl: "/" } });
  return {
    parts: index.parts,
    async search(query, options) {
      const found = await index.search(query, options);
      const fragments = await Promise.all(found.map((result) => result.data()));
      return fragments.map((fragment) => ({
        url: fragment.url,
        title: fragment.meta.title ?? "",
        date: fragment.meta.date ?? "",
        tags: fragment.meta.tags ?? "",
        excerpt: fragment.excerpt,
        filters: fragment.filters,
        meta: fragment.meta,
      }));
    },
    filters: () => index.filters(),
    destroy: () => index.destroy(),
  };
}
