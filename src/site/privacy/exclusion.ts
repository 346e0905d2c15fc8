// Which entries stay on the author's machine: a header tag in `exclude.tags` (and always
// `private`) — or an element of the first line the header rule did not read as a tag —, an id
// in `exclude.entries`, or — in allow-list mode — no tag of `include.tags`.

import { firstLineElements, tagKey, type Entry } from "../../log/index.ts";
import { compileRedaction, DEFAULT_MASK, redactText } from "../../log/redact.ts";
import { isoLocal, matchStampShape, readStamp } from "../../log/stamp.ts";
import { normalizeRequestName } from "../blog/request-name.ts";
import type { SiteOptions } from "../options.ts";
import { redactOptions, type RedactSiteOptions } from "./redact-options.ts";

/** The redaction options, when given, let `exclude.tags` match tags the redaction masked. */
export type ExclusionOptions = Pick<SiteOptions, "exclude" | "include"> & Partial<RedactSiteOptions>;

/** Excluded even when the author's own `exclude.tags` leaves it out: the name says it all. */
export const PRIVATE_TAG = "private";

export interface Exclusion {
  /** Ids of the entries that are not published. */
  ids: Set<string>;
  /** `exclude.entries` items that name no entry of the timeline (a typo would publish it). */
  unmatched: string[];
}

export function findExcluded(entries: readonly Entry[], options: ExclusionOptions): Exclusion {
  const excludedTags = new Set(withMaskedForms([PRIVATE_TAG, ...options.exclude.tags], options).map(tagKey));
  const includedTags = options.include === null ? null : new Set(options.include.tags.map(tagKey));
  const named = namedEntries(options.exclude.entries);
  const ids = new Set<string>();
  const matched = new Set<string>();
  for (const entry of entries) {
    const keys = entry.tags.map(tagKey);
    // Excluding, the first line's elements count as tags, read as such or not: the safe side.
    const excludeKeys = [...keys, ...firstLineElements(entry).map(tagKey)];
    // The log's own form names a minute: every entry written in it (`-2`, …) is meant.
    const byName = named.get(entry.id) ?? named.get(minuteKey(entry.timestamp));
    if (byName !== undefined) byName.forEach((name) => matched.add(name));
    const hidden =
      byName !== undefined ||
      excludeKeys.some((key) => excludedTags.has(key)) ||
      (includedTags !== null && !keys.some((key) => includedTags.has(key)));
    if (hidden) ids.add(entry.id);
  }
  return { ids, unmatched: options.exclude.entries.filter((name) => !matched.has(name)) };
}

/** Entry id, or `minute <timestamp>` → the `exclude.entries` items naming it (`2012-11-06T16:16`, `16:16 2012-11-06`). */
function namedEntries(names: readonly string[]): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const name of names) {
    for (const id of entryIds(name)) byId.set(id, [...(byId.get(id) ?? []), name]);
  }
  return byId;
}

/**
 * The entries a name may mean: an id names one entry; the log's own stamp names a minute, and
 * `9:00 03/04/2013` is 3 April or 4 March depending on the log's date order, which a name on
 * its own does not tell: every entry it may mean is kept home.
 */
function entryIds(name: string): string[] {
  // An item (`…#2-1`) cannot be cut out of its entry alone: the whole entry goes.
  const entryPart = name.replace(/#.*/, "").trim();
  const shape = matchStampShape(entryPart);
  if (shape === null) {
    const id = normalizeRequestName(entryPart);
    return id === null ? [] : [id];
  }
  const readings = (["dmy", "mdy"] as const).map((order) => readStamp(shape, order));
  return [...new Set(readings.flatMap((reading) => (reading.ok ? [minuteKey(isoLocal(reading.time))] : [])))];
}

/**
 * Tags are read from redacted text, so `exclude.tags: ["Jim"]` with `redactNames: ["Jim"]` must
 * also match the masked tag `█████`. That hides every entry with a tag masked the same way: too
 * much is the safe side. (`include.tags` is not widened: there, too much would publish.)
 */
function withMaskedForms(tags: string[], options: ExclusionOptions): string[] {
  const rules = redactOptions({ redact: options.redact ?? [], redactNames: options.redactNames ?? [], mask: options.mask ?? DEFAULT_MASK });
  if (rules === undefined) return tags;
  const redaction = compileRedaction(rules);
  return tags.flatMap((tag) => [tag, redactText(tag, redaction).text]);
}

function minuteKey(timestamp: string): string {
  return `minute ${timestamp}`;
}
