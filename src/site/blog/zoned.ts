// Post dates are naive local ISO strings like the log's; pages and feeds anchor them in the
// site's zone with the same function the entry pages use.

import type { LocalDateTime } from "../../log/types.ts";
import { zonedDateTime } from "../pages/local-time.ts";

export function localTime(iso: string): LocalDateTime {
  const [year = 1970, month = 1, day = 1, hour = 0, minute = 0] = (iso.match(/\d+/g) ?? []).map(Number);
  return { year, month, day, hour, minute };
}

/** RFC 3339 with the zone's offset (`2012-11-05T10:37:00+08:00`); UTC when the zone is unknown. */
export function rfc3339(iso: string, timeZone: string): string {
  const zoned = zonedDateTime(localTime(iso), timeZone);
  const withSeconds = zoned.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/, "$1:00");
  return /[+-]\d{2}:\d{2}$/.test(withSeconds) ? withSeconds : `${withSeconds}Z`;
}
