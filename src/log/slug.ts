// One slug function for entries and tags (log-format.md, "Identity"): Chinese and other
// scripts are kept, which Eleventy's own slugify does not do.

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}\p{M}]+/gu;
const MAX_LENGTH = 60;
const ASCII = /^[\x00-\x7f]*$/;
const NOT_ASCII_LETTER_OR_DIGIT = /[^a-z0-9]+/g;

export function slugify(text: string): string {
  // ASCII is NFC already: no call into ICU for most titles.
  // For ASCII the Unicode classes are just a-z and 0-9 once lower-cased, which is faster.
  const ascii = ASCII.test(text);
  const lower = (ascii ? text : text.normalize("NFC")).toLowerCase();
  const folded = lower.replace(ascii ? NOT_ASCII_LETTER_OR_DIGIT : NOT_LETTER_OR_DIGIT, "-");
  const trimmed = folded.replace(/^-+|-+$/g, "");
  return cutAtBoundary(trimmed);
}

/** `base`, or else `base-2`, `base-3`, …: the first slug `taken` does not hold (it is not added). */
export function freeSlug(base: string, taken: { has(slug: string): boolean }): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

function cutAtBoundary(slug: string): string {
  if (slug.length <= MAX_LENGTH) return slug; // no more characters than code units
  const chars = Array.from(slug);
  if (chars.length <= MAX_LENGTH) return slug;
  const head = chars.slice(0, MAX_LENGTH).join("");
  // Cut after the last whole word when there is one; a single 60-character word is cut hard.
  const boundary = chars[MAX_LENGTH] === "-" ? head.length : head.lastIndexOf("-");
  return (boundary > 0 ? head.slice(0, boundary) : head).replace(/-+$/, "");
}
