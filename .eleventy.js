// Eleventy's config: registers the dotlog plugin (TypeScript, loaded through tsx) with the
// site's options. `dotlog.config.json` in the content folder overrides them; the README
// lists every key. Templates live in `templates/`, the site is written to `site/`.
import { tsImport } from "tsx/esm/api";

const { default: dotlog } = await tsImport("./src/site/plugin.ts", import.meta.url);

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(dotlog, {
    title: "dotlog",
    description: "An engineering log, published from a Notepad .LOG journal",
  });
}

export const config = {
  dir: { input: "templates", output: "site" },
};
