// The site's options: defaults, then the plugin options from `.eleventy.js`, then
// `dotlog.config.json` in the content folder. Both sources are validated against
// `dotlog.config.schema.json`; a problem is a UserError naming the source and the key.
import { defaultOptions, type SiteOptions } from "../options.ts";
import { loadConfigFile } from "./load-config-file.ts";
import { mergeOptions } from "./merge-options.ts";
import { validateOptions } from "./validate-options.ts";

export { configFileName } from "./load-config-file.ts";
export { failureMessage, isUserError, UserError } from "./user-error.ts";
export { validateOptions } from "./validate-options.ts";

export function resolveSiteOptions(pluginOptions: unknown, contentDir: string): SiteOptions {
  const fromPlugin = validateOptions(pluginOptions ?? {}, "plugin options in .eleventy.js");
  const fromFile = loadConfigFile(contentDir);
  return mergeOptions(defaultOptions, fromPlugin, fromFile);
}
