// An incremental build: the paginated pages whose inputs are unchanged since the last build
// into the same site folder stay where they are, only the others go through Eleventy, and
// what it wrote is moved into the site folder. Without a matching manifest (first build, the
// templates, code or options changed, or another build replaced the folder) every page is
// written and the new site replaces the old one whole.

import { rm } from "node:fs/promises";
import type { ModelMemory } from "../pages/model-memory.ts";
import type { PageSelection } from "../pages/page-sets.ts";
import type { SitePages } from "../pages/types.ts";
import { foldersAfter, listSite, listSiteFiles, moveInto, removeFromSite, type SiteFolders } from "./move-into-site.ts";
import { readManifest, removeManifest, sameSite, stampSite, writeManifest, type SiteStamp } from "./page-manifest.ts";
import { planPages, type PagePlan } from "./plan-pages.ts";
import { siteIdentity } from "./site-identity.ts";

export interface IncrementalPages {
  /** The pages Eleventy must write. */
  select(pages: SitePages, options: unknown): Promise<PageSelection>;
  /** Output files left as they were. */
  kept(): readonly string[];
  /**
   * Puts the finished build in `stagingDir` in place: moved into the site folder when this
   * build is incremental, otherwise by `replaceWhole`. Then records the manifest.
   */
  commit(stagingDir: string, replaceWhole: (stagingDir: string) => Promise<void>): Promise<void>;
}

export interface IncrementalInput {
  /** The folder of manifests. */
  cacheDir: string;
  /** The site folder: where the last build is, and where this one goes. */
  outDir: string;
}

export async function incrementalPages({ cacheDir, outDir }: IncrementalInput): Promise<IncrementalPages> {
  const [manifest, current] = await Promise.all([readManifest(cacheDir, outDir), stampSite(outDir)]);
  const previous = manifest && current && sameSite(manifest.site, current) ? manifest : null;
  let identity = "";
  let plan: PagePlan | undefined;
  let inPlace = false;
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
      return plan.write;
    },
    kept: () => (inPlace ? (plan?.keep ?? []) : []),
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
    },
  };
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
