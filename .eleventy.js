// Eleventy's config: registers the dotlog plugin (TypeScript) with the site's options.
// `dotlog.config.json` in the content folder overrides them; the README lists every key.
// Templates live in `templates/`, the site is written to `site/`.
import { tsImport } from "tsx/esm/api";

// Under `dotlog` (bin/dotlog.js) tsx's loader is registered for the process: a plain import
// gives the build its own copy of the plugin. Under plain Eleventy, the plugin is loaded
// through tsx here.
const { default: dotlog } = await import("./src/site/plugin.ts").catch((error) => {
  if (error?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
  return tsImport("./src/site/plugin.ts", import.meta.url);
});

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(dotlog, {
    title: "dotlog",
    description: "An engineering log, published from a Notepad .LOG journal",
  });
}

export const config = {
  dir: { input: "templates", output: "site" },
};
