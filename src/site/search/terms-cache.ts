// The index-only words of each search document kept between builds (`.cache/terms/terms.json`).
// `identifierTerms` depends on its text alone: a record is keyed by the SHA-256 of that text, and
// the file carries a hash of the code that makes the words (documents.ts) and a checksum of its
// records — a file of other code, or damaged, is not used at all. 10,000 entries: the words cost
// ~0.35–0.45 s a build; hashing the texts and reading the file back, ~30 ms.

import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const FORMAT = 1;
const FILE_NAME = "terms.json";
/** The module whose code makes the words. */
const SOURCE = fileURLToPath(new URL("./documents.ts", import.meta.url));

export interface TermsCache {
  /** The words of `text`: kept ones when this text was seen, else `make(text)`, kept for next time. */
  terms(text: string, make: (text: string) => string): string;
  /** Writes the words this build used (none other), when they differ from the file's. */
  save(): Promise<void>;
}

/** The cache in `dir` (made on save). */
export async function openTermsCache(dir: string): Promise<TermsCache> {
  const file = path.join(dir, FILE_NAME);
  const code = hash(await readFile(SOURCE, "utf8"));
  const stored = await readStored(file, code);
  const used = new Map<string, string>();
  let made = 0;
  return {
    terms(text, make) {
      const key = hash(text);
      let words = used.get(key) ?? stored.get(key);
      if (words === undefined) {
        words = make(text);
        made++;
      }
      used.set(key, words);
      return words;
    },
    async save() {
      if (made === 0 && used.size === stored.size) return;
      const records = [...used];
      const text = JSON.stringify({ format: FORMAT, code, checksum: hash(JSON.stringify(records)), records });
      const temporary = `${file}.${process.pid}.tmp`;
      // Only a cache: a folder that cannot be written costs the next build the words, not this build.
      await mkdir(dir, { recursive: true })
        .then(() => writeFile(temporary, text))
        .then(() => rename(temporary, file))
        .catch(() => rm(temporary, { force: true }).catch(() => {}));
    },
  };
}

async function readStored(file: string, code: string): Promise<Map<string, string>> {
  try {
    const { format, code: fileCode, checksum, records } = JSON.parse(await readFile(file, "utf8")) as {
      format?: unknown;
      code?: unknown;
      checksum?: unknown;
      records?: unknown;
    };
    if (format !== FORMAT || fileCode !== code || !Array.isArray(records) || checksum !== hash(JSON.stringify(records))) return new Map();
    if (!records.every((record) => Array.isArray(record) && record.length === 2 && typeof record[0] === "string" && typeof record[1] === "string")) return new Map();
    return new Map(records as [string, string][]);
  } catch {
    return new Map();
  }
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}
