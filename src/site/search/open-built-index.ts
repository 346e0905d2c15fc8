// Search a written Pagefind bundle from Node, the way a browser would: its own `pagefind.js`
// loaded from disk, with `fetch` taught to read `file:` URLs. Tests and the bench use it to
// ask the real index questions instead of inspecting its compressed files.

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
  /** Every hit, best first, with its fragment loaded. */
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
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

interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string, options?: SearchOptions): Promise<{ results: { data(): Promise<PagefindFragment> }[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
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
  const pagefind = (await import(moduleUrl)) as PagefindModule;
  await pagefind.options({ basePath: `${pathToFileURL(dir).href}/`, baseUrl: "/" });
  await pagefind.init();
  return {
    async search(query, options) {
      const found = await pagefind.search(query, options);
      const fragments = await Promise.all((found?.results ?? []).map((result) => result.data()));
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
    filters: () => pagefind.filters(),
    destroy: () => pagefind.destroy(),
  };
}
