// Every warning code with a one-line meaning, checked complete against WarningCode by the
// compiler; the CLI validates `--strict` with it and docs/warnings.md explains each code.

import type { WarningCode } from "./types.ts";

export const WARNING_CODES: Record<WarningCode, string> = {
  decode: "bytes that are not valid in the file's encoding, NUL bytes, or binary data",
  "encoding-guess": "no BOM and not valid UTF-8: the encoding was guessed",
  "bad-stamp": "a line shaped like a timestamp whose date or time does not exist",
  "ambiguous-date-order": "nothing in the file tells day-first from month-first dates",
  "out-of-order": "an entry earlier than the one before it in the same file",
  "duplicate-stamp": "two entries with the same minute (the second gets `-2`)",
  "unresolved-ref": "a reference whose target entry (or item) is not in the timeline",
  "unclosed-ref": "`see\"` without a closing quote",
  "duplicate-item": "two outline items with the same path in one entry",
  "tag-slug-collision": "two different tags that make the same URL slug",
  "no-logs": "a content folder without any log file",
  unreadable: "a file that cannot be read",
  "no-entries": "a file read as a log in which no line starts an entry (no timestamp line)",
  "unmatched-exclude": "an `exclude.entries` name that matches no entry (a typo publishes the entry it meant)",
  post: "a hand-written blog post whose front matter (title, date, tags, from, draft) cannot be used as written",
};

export function isWarningCode(code: string): code is WarningCode {
  return Object.hasOwn(WARNING_CODES, code);
}
