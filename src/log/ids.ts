// An entry's identity (log-format.md, "Identity"): the id is its minute, with `-2`, `-3`
// for later entries in the same minute; the URL adds a slug of the title.

import type { LocalDateTime } from "./types.ts";

/** `ordinal` is 1 for the first entry of a minute, 2 for the second, … */
export function entryId(timestamp: string, ordinal: number): string {
  return ordinal === 1 ? timestamp : [timestamp, ordinal].join("-");
}

/** `/2012/11/07/1817-virsh-attach-disk/`, `/2012/11/07/1817-2-…/`, `/2012/11/07/1817/`. */
export function entryUrl(time: LocalDateTime, ordinal: number, slug: string): string {
  const name = [pad(time.hour) + pad(time.minute), ordinal === 1 ? "" : String(ordinal), slug].filter(Boolean).join("-");
  // Joined into one flat string (a template would keep a chain of cons strings per entry).
  return ["", String(time.year).padStart(4, "0"), pad(time.month), pad(time.day), name, ""].join("/");
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** A tag's or series' key: case and spacing folded (`arm Server` ≡ `ARM  server`). */
export function foldKey(name: string): string {
  // ASCII is NFC already; normalizing calls into ICU for every tag of a large log.
  const normalized = ASCII.test(name) ? name : name.normalize("NFC");
  return normalized.toLowerCase().replace(/\s+/g, " ").trim();
}

const ASCII = /^[\x00-\x7f]*$/;
