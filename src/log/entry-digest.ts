// An entry's parse, as one short hash. The parser is a pure function of the entry's text and
// its file's options, so the digest is taken once, when the entry is parsed, and comes back
// with it from the parse cache; what the merge and the privacy step change later (id, slug,
// url, resolved references) is not in it and must be hashed beside it by whoever keys by it.

import { createHash } from "node:crypto";
import type { Entry } from "./types.ts";

export function entryDigest(entry: Entry): string {
  return createHash("sha1")
    .update(JSON.stringify({ ...entry, digest: "" }))
    .digest("base64url");
}
