// The site's `redact`, `redactNames` and `mask` options as the log layer's RedactOptions.

import type { RedactOptions } from "../../log/index.ts";
import type { SiteOptions } from "../options.ts";

export type RedactSiteOptions = Pick<SiteOptions, "redact" | "redactNames" | "mask">;

/** `ParseOptions.redact` from the site's options; undefined when nothing is to be masked. */
export function redactOptions(options: RedactSiteOptions): RedactOptions | undefined {
  if (options.redact.length === 0 && options.redactNames.length === 0) return undefined;
  return { rules: options.redact, names: options.redactNames, mask: options.mask };
}
