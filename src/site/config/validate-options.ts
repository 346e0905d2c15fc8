// Checks plugin options or a dotlog.config.json against the schema, then the few things a
// schema cannot say (a real time zone, a known encoding, a regular expression that compiles).
// Every problem becomes one line that names the key: `dotlog.config.json: unknown key "tags.size"`.
import { Ajv, type ErrorObject } from "ajv";
import iconv from "iconv-lite";
import type { SiteOptionsInput } from "../options.ts";
import { optionsSchema, type JsonSchema } from "./schema.ts";
import { UserError } from "./user-error.ts";

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true });
const check = ajv.compile<SiteOptionsInput>(optionsSchema);

/** Returns the value typed as options, or throws a UserError naming `source` and the key. */
export function validateOptions(value: unknown, source: string): SiteOptionsInput {
  if (!check(value)) {
    // An unknown key explains the most (a typo often also leaves a required key missing).
    const errors = (check.errors ?? [])
      .filter((e) => e.keyword !== "if")
      .sort((a, b) => Number(b.keyword === "additionalProperties") - Number(a.keyword === "additionalProperties"));
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    throw new UserError(`${source}: ${first ? describeError(first, value) : "invalid options"}${more}`);
  }
  checkValues(value, source);
  return value;
}

function checkValues(options: SiteOptionsInput, source: string): void {
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) {
    throw new UserError(`${source}: "timeZone" is not a known time zone: "${options.timeZone}"`);
  }
  const encoding = options.logs?.encoding;
  if (typeof encoding === "string" && !iconv.encodingExists(encoding)) {
    throw new UserError(`${source}: "logs.encoding" is not an encoding iconv-lite knows: "${encoding}"`);
  }
  options.redact?.forEach((rule, i) => {
    if (typeof rule === "string") return;
    try {
      new RegExp(rule.pattern, rule.flags);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UserError(`${source}: "redact[${i}].pattern" is not a valid regular expression: ${reason}`);
    }
  });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function describeError(error: ErrorObject, value: unknown): string {
  const at = keyPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params["additionalProperty"]);
      const full = at ? `${at}.${key}` : key;
      const hint = suggest(key, knownKeys(error.schemaPath));
      return `unknown key "${full}"${hint ? ` (did you mean "${at ? `${at}.${hint}` : hint}"?)` : ""}`;
    }
    case "type": {
      if (!at) return "options must be a JSON object";
      const got = typeName(valueAt(value, error.instancePath));
      return `"${at}" must be ${article(String(params["type"]).replaceAll(",", " or "))}, not ${got}`;
    }
    case "enum": {
      const allowed = (params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ");
      return `"${at}" must be one of ${allowed}, not ${JSON.stringify(valueAt(value, error.instancePath))}`;
    }
    case "required":
      return `"${at ? `${at}.` : ""}${String(params["missingProperty"])}" is required`;
    default:
      return `"${at}" ${error.message ?? "is invalid"}`;
  }
}

/** `/redact/0/pattern` → `redact[0].pattern` */
function keyPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), "");
}

function valueAt(value: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .reduce<unknown>((v, part) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[part] : undefined), value);
}

/** The keys allowed beside an unknown one: `#/properties/redact/items/else/additionalProperties`. */
function knownKeys(schemaPath: string): string[] {
  const node = schemaPath
    .split("/")
    .slice(1, -1)
    .reduce<JsonSchema | undefined>((schema, part) => schema?.[part] as JsonSchema | undefined, optionsSchema);
  return Object.keys(node?.properties ?? {}).filter((k) => k !== "$schema");
}

/** The known key a typo most likely meant: same letters in another case, or one or two edits away. */
function suggest(key: string, known: string[]): string | undefined {
  const lower = key.toLowerCase();
  return (
    known.find((k) => k.toLowerCase() === lower) ??
    known.find((k) => editDistance(k.toLowerCase(), lower) <= Math.min(2, Math.ceil(k.length / 3)))
  );
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}

function article(type: string): string {
  return type === "null" ? type : `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}
