// A stamp written inside a line — `see"16:38 2012-11-01"`, `(15:33 2012-11-02)`,
// `"16:40 2013-01-23"end` — read with the same date rules as entry stamps (stamp.ts).

import { isoLocal, matchStampShape, readStamp } from "./stamp.ts";
import type { DateOrder } from "./types.ts";

/** The ISO local time `text` names when it is exactly one valid stamp, else null. */
export function readInlineStamp(text: string, dateOrder: DateOrder | null = null): string | null {
  const shape = matchStampShape(text.trim());
  if (!shape) return null;
  const reading = readStamp(shape, dateOrder);
  return reading.ok ? isoLocal(reading.time) : null;
}

/** Loose stamp shape for finding candidates; readInlineStamp decides. */
export const STAMP_TEXT = String.raw`\d{1,2}:\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]+\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}`;
