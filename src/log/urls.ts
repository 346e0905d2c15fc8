// URLs in a line: http, https, ftp. A URL ends at whitespace, at a character URLs never hold
// unencoded (quotes, angle brackets, `|`, `\`, `^`, braces), at the first CJK or full-width
// character (Chinese text often follows without a space), and does not take trailing
// punctuation — except a `)` that closes a `(` inside the URL.

export interface UrlFound {
  url: string;
  column: number;
}

const URL = /\b(?:https?|ftp):\/\/[^\s"'<>`|\\^{}\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/giu;
const TRAILING = /^[.,;:!?)\]}*]$/;

// Most lines hold no URL: they all get this one empty answer.
const NONE: readonly UrlFound[] = [];

export function findUrls(text: string): readonly UrlFound[] {
  // A colon first: a one-character search, and most lines have none.
  if (!text.includes(":") || !text.includes("://")) return NONE;
  const found: UrlFound[] = [];
  for (const match of text.matchAll(URL)) {
    const url = trimTrailing(match[0]);
    if (/^[a-z]+:\/\/$/i.test(url) || !hasHostName(url)) continue;
    found.push({ url, column: match.index });
  }
  return found;
}

// A host that is not a name (a redaction mask such as `█████` left there, or stray symbols)
// would make a dead link: such a URL stays text.
const HOST = /^[a-z]+:\/\/(?:[^@/?#]*@)?(\[[0-9a-f:.]+\]|[\p{L}\p{N}\p{M}._~%-]+)(?::\d*)?(?:[/?#]|$)/iu;

function hasHostName(url: string): boolean {
  return HOST.test(url);
}

function trimTrailing(url: string): string {
  let end = url.length;
  const open = { ")": count(url, "("), "]": count(url, "[") };
  let close = { ")": count(url, ")"), "]": count(url, "]") };
  while (end > 0 && TRAILING.test(url[end - 1]!)) {
    const last = url[end - 1]!;
    if ((last === ")" || last === "]") && open[last] >= close[last]) break;
    if (last === ")" || last === "]") close = { ...close, [last]: close[last] - 1 };
    end--;
  }
  return url.slice(0, end);
}

function count(text: string, char: string): number {
  let total = 0;
  for (let index = text.indexOf(char); index >= 0; index = text.indexOf(char, index + 1)) total++;
  return total;
}

// What a link written in Markdown may point at: the web, FTP, mail, or a path on this site.
const SAFE_SCHEMES = new Set(["http", "https", "ftp", "mailto"]);
// Browsers drop tabs and line ends inside a URL and leading control characters and spaces
// before reading its scheme (`java\tscript:`), so the scheme is read the same way.
const IGNORED_IN_URL = /[\t\n\r]/g;
const LEADING = /^[\u0000-\u0020]+/;
const SCHEME = /^([a-z][a-z\d+.-]*):/i;

/** Whether a link's URL is safe to make live: http, https, ftp, mailto, or relative (no scheme). */
export function isSafeHref(url: string): boolean {
  const scheme = SCHEME.exec(url.replace(IGNORED_IN_URL, "").replace(LEADING, ""));
  return scheme === null || SAFE_SCHEMES.has(scheme[1]!.toLowerCase());
}

/** Whether a URL leaves this site: a scheme, or `//host`. An image there must not load (the site's CSP is `default-src 'self'`). */
export function isRemoteUrl(url: string): boolean {
  const bare = url.replace(IGNORED_IN_URL, "").replace(LEADING, "");
  return SCHEME.test(bare) || bare.startsWith("//") || bare.startsWith("\\\\");
}
