// Later sources win key by key; groups (`logs`, `tags`, …) merge, arrays and null replace.
import type { SiteOptions, SiteOptionsInput } from "../options.ts";

export function mergeOptions(base: SiteOptions, ...layers: SiteOptionsInput[]): SiteOptions {
  return layers.reduce<SiteOptions>((merged, layer) => mergeObject(merged, layer) as SiteOptions, base);
}

function mergeObject(base: object, layer: object): object {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(layer)) {
    if (key === "$schema" || value === undefined) continue;
    const current = out[key];
    out[key] = isGroup(value) && isGroup(current) ? mergeObject(current, value) : value;
  }
  return out;
}

function isGroup(value: unknown): value is object {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
