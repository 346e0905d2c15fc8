// An incremental build: the paginated pages whose inputs are unchanged since the last build
// into the same site folder stay where they are, only the others go through Eleventy, and
// what it wrote is moved into the site folder. Without a matching manifest (first build, the
// templates, code or options changed, or another build replaced the folder) the new site is
// made whole beside the old one and replaces it: the pages the page store holds with the same
// hash are copied from it (a new, empty site folder from a kept cache: every deploy of a CI or
// a host like Netlify), Eleventy writes the others, and the store keeps what it wrote.

import { rm } from "node:fs/promises";
import path from "node:path";
import type { ModelMemory } from "../pages/model-memory.ts";
import { outputFile, PAGE_SETS, type PageSelection } from "../pages/page-sets.ts";
import type { SitePages } from "../pages/types.ts";
import { foldersAfter, listSite, listSiteFiles, moveInto, removeFromSite, type SiteFolders } from "./move-into-site.ts";
import { readManifest, removeManifest, sameSite, stampSite, writeManifest, type SiteStamp } from "./page-manifest.ts";
import { openPageStore, type PageStore, type StoredPage } from "./page-store.ts";
import { planPages, type PagePlan } from "./plan-pages.ts";
import { siteIdentity } from "./site-identity.ts";

export interface IncrementalPages {
  /**
   * The pages Eleventy must write. A build that replaces the site whole starts copying the
   * pages the page store holds into the staging folder here, beside Eleventy.
   */
  select(pages: SitePages, options: unknown): Promise<PageSelection>;
  /**
   * Once the copies are done: the selected pages the store could not give after all (a damaged
   * segment), which Eleventy must write too. Empty the second time.
   */
  notCopied(): Promise<PageSelection>;
  /** A page Eleventy wrote (its file relative to the staging folder): kept in the page store. */
  written(file: string, content: string | Uint8Array): void;
  /** Output files left as they were. */
  kept(): readonly string[];
  /** Output files copied from the page store. */
  copied(): readonly string[];
  /**
   * Puts the finished build in `stagingDir` in place: moved into the site folder when this
   * build is incremental, otherwise by `replaceWhole`. Then records the manifest and the page store.
   */
  commit(stagingDir: string, replaceWhole: (stagingDir: string) => Promise<void>): Promise<void>;
  /** A failed build: waits for the copies, and records nothing. */
  abandon(): Promise<void>;
}

export interface IncrementalInput {
  /** The folder of manifests and of the page store (`store/`). */
  cacheDir: string;
  /** The site folder: where the last build is, and where this one goes. */
  outDir: string;
  /** Where Eleventy writes this build's pages before they go into the site folder. */
  stagingDir: string;
}

export const pageStoreDir = (cacheDir: string): string => path.join(cacheDir, "store");

export async function incrementalPages({ cacheDir, outDir, stagingDir }: IncrementalInput): Promise<IncrementalPages> {
  const [manifest, current, store] = await Promise.all([readManifest(cacheDir, outDir), stampSite(outDir), openPageStore(pageStoreDir(cacheDir))]);
  const previous = manifest && current && sameSite(manifest.site, current) ? manifest : null;
  let identity = "";
  let plan: PagePlan | undefined;
  let inPlace = false;
  let copying: Promise<PageSelection> = Promise.resolve({});
  let copies: string[] = [];
  // What the site folder holds now: a page deleted by hand is written again, and a file that
  // is no page of this build (left over, or put there by hand) is removed, as a whole-site
  // replacement would. Folders the last build recorded and nothing changed since are not read again.
  let present = new Set<string>();
  let folders: SiteFolders = {};
  return {
    async select(pages, options) {
      identity = await siteIdentity(options);
      inPlace = previous?.identity === identity;
      if (inPlace) {
        const listing = listSite(outDir, previous!.folders);
        present = new Set(listing.files);
        folders = listing.folders;
      }
      plan = planPages(pages, identity, inPlace ? previous!.pages : null, (file) => present.has(file));
      if (inPlace) return plan.write;
      const { write, stored } = fromStore(plan.write, plan.hashes, store);
      copying = store.copyOut(new Map([...stored].map(([file, [, page]]) => [file, page])), stagingDir).then((failed) => {
        const missed = new Set(failed);
        copies = [...stored.keys()].filter((file) => !missed.has(file));
        return selectionOf(failed.map((file) => stored.get(file)![0]));
      });
      return write;
    },
    notCopied() {
      const left = copying;
      copying = Promise.resolve({});
      return left;
    },
    written(file, content) {
      const hash = plan?.hashes[file];
      if (hash !== undefined) store.add(file, hash, content);
    },
    kept: () => (inPlace ? (plan?.keep ?? []) : []),
    copied: () => copies,
    async commit(stagingDir, replaceWhole) {
      if (!plan) throw new Error("the incremental build committed before it selected its pages");
      if (inPlace) {
        const written = listSiteFiles(stagingDir);
        const now = new Set([...Object.keys(plan.hashes), ...written]);
        const gone = [...present].filter((file) => !now.has(file));
        await removeManifest(cacheDir, outDir);
        await moveInto(stagingDir, outDir, written);
        await removeFromSite(outDir, gone);
        await rm(stagingDir, { recursive: true, force: true });
        folders = foldersAfter(folders, [...written, ...gone]);
      } else {
        await replaceWhole(stagingDir);
        folders = {};
      }
      const site = await stampSite(outDir);
      if (site) await writeManifest(cacheDir, { identity, site, pages: plan.hashes, folders });
      await store.save(plan.hashes);
    },
    async abandon() {
      await copying.catch(() => {});
      store.close();
    },
  };
}

type Page = [set: string, item: unknown];

/** The pages of `write` the store holds with this build's hash, by output file, and the rest. */
function fromStore(
  write: PageSelection,
  hashes: Readonly<Record<string, string>>,
  store: PageStore,
): { write: PageSelection; stored: Map<string, [Page, StoredPage]> } {
  const rest: Record<string, unknown[]> = {};
  const stored = new Map<string, [Page, StoredPage]>();
  for (const set of PAGE_SETS) {
    rest[set.name] = [];
    for (const item of write[set.name] ?? []) {
      const file = outputFile(set.url(item));
      // Pages the build writes itself (set.contents) cost no more to write than to copy.
      const page = set.template === null ? undefined : store.find(file, hashes[file]!);
      if (page) stored.set(file, [[set.name, item], page]);
      else rest[set.name]!.push(item);
    }
  }
  return { write: rest, stored };
}

function selectionOf(pages: readonly Page[]): PageSelection {
  const selection: Record<string, unknown[]> = {};
  for (const [set, item] of pages) (selection[set] ??= []).push(item);
  return selection;
}

/**
 * The dev server's rebuilds, which Eleventy writes straight into the site folder: a page whose
 * inputs did not change since the previous rebuild of this process stays as it is on disk, and
 * the page of an entry that is gone is removed. The server owns the folder while it runs: a
 * folder deleted or replaced is written whole again, but a single page deleted by hand comes
 * back only with a change to it (looking for each page cost a rebuild ~0.25 s at 10,000 entries).
 * `models`: the page models the rebuilds keep, whose hashes are kept with them.
 */
export function servePages(outDir: string, models?: ModelMemory): Pick<IncrementalPages, "select"> {
  let previous: { identity: string; hashes: Record<string, string>; site: SiteStamp | null } | null = null;
  return {
    async select(pages, options) {
      const identity = await siteIdentity(options);
      const site = await stampSite(outDir);
      // The first build made the folder: it had no stamp before that build.
      const same = previous?.identity === identity && site !== null && (previous.site === null || sameSite(previous.site, site));
      const plan = planPages(pages, identity, same ? previous!.hashes : null, () => true, models?.hashes);
      if (previous) await removeFromSite(outDir, Object.keys(previous.hashes).filter((file) => !(file in plan.hashes)));
      previous = { identity, hashes: plan.hashes, site };
      return plan.write;
    },
  };
}
