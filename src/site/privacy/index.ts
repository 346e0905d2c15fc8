// The privacy step of a build: the author decides what leaves the machine. Redaction happens
// in the log layer (src/log/redact.ts) as files are read; exclusion happens here, on the
// timeline, before anything is rendered.

import type { LogWarning, Timeline } from "../../log/index.ts";
import { findExcluded, type ExclusionOptions } from "./exclusion.ts";
import { privateBlogRequests, type PrivateBlogRequest } from "./private-requests.ts";
import { publicTimeline } from "./public-timeline.ts";

export { PRIVATE_TAG } from "./exclusion.ts";
export { redactOptions } from "./redact-options.ts";
export type { PrivateBlogRequest } from "./private-requests.ts";

/** The build report's privacy line. */
export interface PrivacyReport {
  /** Entries not published. */
  excluded: number;
  /** Matches masked by `redact` and `redactNames`, over every file read. */
  redacted: number;
  /** `exclude.entries` items that name no entry (the entry they meant is published). */
  unmatched: string[];
}

export interface Published {
  /** The timeline the site is built from. */
  timeline: Timeline;
  /** Blog requests written in excluded entries, for the blog (src/site/blog/). */
  privateBlogRequests: PrivateBlogRequest[];
  report: PrivacyReport;
  /** An exclusion that excludes nothing is most likely a typo that publishes what it meant. */
  warnings: LogWarning[];
}

export function publishTimeline(timeline: Timeline, options: ExclusionOptions): Published {
  const exclusion = findExcluded(timeline.entries, options);
  const published = publicTimeline(timeline, exclusion.ids, { allowList: options.include !== null });
  return {
    timeline: published,
    privateBlogRequests: privateBlogRequests(timeline, exclusion.ids, published),
    report: {
      excluded: exclusion.ids.size,
      redacted: timeline.files.reduce((sum, file) => sum + (file.redacted ?? 0), 0),
      unmatched: exclusion.unmatched,
    },
    warnings: exclusion.unmatched.map((name) => ({
      file: "exclude.entries",
      line: 0,
      code: "unmatched-exclude",
      message: `"${name}" names no entry of the log: nothing was excluded for it`,
    })),
  };
}
