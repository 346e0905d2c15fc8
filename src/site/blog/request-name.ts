// Names a request the way log-format.md "Identity" names an entry or item: `2012-11-05T10:37#1-1`,
// or the log's own stamp `10:37 2012-11-05` (with `#1-1` for an item). Used by `from:` in posts.

import { decideDateOrder, isoLocal, matchStampShape, readStamp } from "../../log/stamp.ts";

const ISO_ID = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?:-\d+)?)$/;
const ITEM_PATH = /^\d+(?:-\d+)*$/;

/** The canonical request id (`<entry id>` or `<entry id>#<item path>`), or null if `text` names nothing. */
export function normalizeRequestName(text: string): string | null {
  const trimmed = text.trim();
  const hash = trimmed.lastIndexOf("#");
  const entryPart = (hash < 0 ? trimmed : trimmed.slice(0, hash)).trim();
  const itemPart = hash < 0 ? null : trimmed.slice(hash + 1).trim().replace(/\)$/, "");
  if (itemPart !== null && !ITEM_PATH.test(itemPart)) return null;
  const entry = entryId(entryPart);
  if (entry === null) return null;
  return itemPart === null ? entry : `${entry}#${itemPart}`;
}

function entryId(text: string): string | null {
  if (ISO_ID.test(text)) return text;
  const shape = matchStampShape(text);
  if (shape === null) return null;
  const reading = readStamp(shape, decideDateOrder([shape]).order);
  return reading.ok ? isoLocal(reading.time) : null;
}
