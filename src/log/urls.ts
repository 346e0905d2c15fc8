// URLs in a line: http, https, ftp. A URL ends at whitespace, at a quote or angle bracket, at
// the first CJK or full-width character (Chinese text often follows without a space), and
// does not take trailing punctuation — except a `)` that closes a `(` inside the URL.

export interface UrlFound {
  url: string;
  column: number;
}

const URL = /\b(?:https?|ftp):\/\/[^\s"'<>`\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/giu;
const TRAILING = /[.,;:!?)\]}*]$/;

export function findUrls(text: string): UrlFound[] {
  const found: UrlFound[] = [];
  for (const match of text.matchAll(URL)) {
    let url = match[0];
    while (TRAILING.test(url)) {
      if (url.endsWith(")") && count(url, "(") >= count(url, ")")) break;
      if (url.endsWith("]") && count(url, "[") >= count(url, "]")) break;
      url = url.slice(0, -1);
    }
    if (/^[a-z]+:\/\/$/i.test(url)) continue;
    found.push({ url, column: match.index });
  }
  return found;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
