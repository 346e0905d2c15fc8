// A day page shows several entries' bodies on one page; each body was rendered for its own
// page, so item ids (`i2-1`) repeat. Prefixing the ids, and the in-page links to them, keeps
// the day page valid without rendering anything again.

/** `2012-11-07T18:17-2` → `e1817-2`: unique within a day. */
export function anchorId(entryId: string): string {
  const match = /T(\d{2}):(\d{2})(-\d+)?$/.exec(entryId);
  return match ? `e${match[1]}${match[2]}${match[3] ?? ""}` : `e-${entryId.replace(/[^\w-]/g, "-")}`;
}

const ID_ATTRIBUTE = /(\s(?:id|for))="([^"]*)"/g;
const FRAGMENT_LINK = /(\shref)="#([^"]*)"/g;
const ID_LIST = /(\saria-(?:labelledby|describedby|controls))="([^"]*)"/g;

export function scopeIds(html: string, prefix: string): string {
  return html
    .replace(ID_ATTRIBUTE, (_, name: string, id: string) => `${name}="${prefix}-${id}"`)
    .replace(FRAGMENT_LINK, (_, name: string, id: string) => `${name}="#${prefix}-${id}"`)
    .replace(ID_LIST, (_, name: string, ids: string) => `${name}="${ids.split(/\s+/).filter(Boolean).map((id) => `${prefix}-${id}`).join(" ")}"`);
}
