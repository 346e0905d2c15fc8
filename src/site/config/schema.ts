// The JSON Schema of the site options, shipped at the repo root so editors can use it too.
import { readFileSync } from "node:fs";

export const schemaUrl = new URL("../../../dotlog.config.schema.json", import.meta.url);

export interface JsonSchema {
  [keyword: string]: unknown;
  properties?: Record<string, JsonSchema>;
  default?: unknown;
}

export const optionsSchema: JsonSchema = JSON.parse(readFileSync(schemaUrl, "utf8"));
