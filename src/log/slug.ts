// One slug function for entries and tags (log-format.md, "Identity"): Chinese and other
// scripts are kept, which Eleventy's own slugify does not do.

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}\p{M}]+/gu;
const MAX_LENGTH = 60;
const ASCII = /^[\x00-\x7f]*$/;

export function slugify(text: string): string {
  // ASCII is NFC already: no call into ICU for most titles.
  const normalized = ASCII.test(text) ? text : text.normalize("NFC");
  const folded = normalized.toLowerCase().replace(NOT_LETTER_OR_DIGIT, "-");
  const trimmed = folded.replace(/^-+|-+$/g, "");
  return cutAtBoundary(trimmed);
}

function cutAtBoundary(slug: string): string {
  const chars = Array.from(slug);
  if (chars.length <= MAX_LENGTH) return slug;
  const head = chars.slice(0, MAX_LENGTH).join("");
  // Cut after the last whole word when there is one; a single 60-character word is cut hard.
  const boundary = chars[MAX_LENGTH] === "-" ? head.length : head.lastIndexOf("-");
  return (boundary > 0 ? head.slice(0, boundary) : head).replace(/-+$/, "");
}
