// Keeps dotlog's build cache (`.cache/`: parsed logs, rendered entries, the search index's parts
// and the pages' bytes) between deploys with Netlify's own build cache (`utils.cache`). Each
// deploy builds into a new, empty `site/`; with the cache, the pages whose inputs did not change
// are copied from it instead of rendered (docs/performance.md, "Targets").
//
// Moved, not copied: the cache is thousands of files, and neither side needs it afterwards. A
// build that fails runs no onPostBuild, so its deploy saves nothing and the next one is cold.

/** Where `dotlog build` keeps its cache by default (`npm run build` passes no --cache). */
const CACHE = ".cache";

export async function onPreBuild({ utils }) {
  const restored = await utils.cache.restore(CACHE, { move: true });
  console.log(restored ? `dotlog: restored ${CACHE} from Netlify's build cache` : `dotlog: no ${CACHE} in Netlify's build cache yet: a cold build`);
}

export async function onPostBuild({ utils }) {
  const saved = await utils.cache.save(CACHE, { move: true });
  console.log(saved ? `dotlog: saved ${CACHE} to Netlify's build cache` : `dotlog: no ${CACHE} to save`);
}
