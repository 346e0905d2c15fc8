// Reads `dotlog.config.json` from the content folder, if there is one.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SiteOptionsInput } from "../options.ts";
import { UserError } from "./user-error.ts";
import { validateOptions } from "./validate-options.ts";

export const configFileName = "dotlog.config.json";

/** The file's options, or `{}` when the folder has none. Throws a UserError on a bad file. */
export function loadConfigFile(contentDir: string): SiteOptionsInput {
  const file = join(contentDir, configFileName);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new UserError(`${file}: cannot read: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UserError(`${file}: not valid JSON: ${withLine((error as Error).message, text)}`);
  }
  return validateOptions(value, file);
}

/** Node names a character offset; people look for a line and column. */
function withLine(message: string, text: string): string {
  const match = /at position (\d+)/.exec(message);
  if (!match) return message;
  const before = text.slice(0, Number(match[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `${message.replace(/\s*in JSON at position \d+.*$/, "")} at line ${line}, column ${column}`;
}
