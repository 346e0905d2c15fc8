// Characters a page cannot show — C0/C1 controls, NUL, lone surrogates, noncharacters — become
// visible symbols instead of vanishing or corrupting the page: NUL → ␀, ESC → ␛, DEL → ␡,
// the rest → �. Tab and line feed stay as they are.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Every character INVISIBLE can match, without its lookarounds: most texts have none, and this test is much cheaper than the replace. */
const MAYBE_INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function visibleControls(text: string): string {
  if (!MAYBE_INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return "\uFFFD";
  });
}
