import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { visibleControls } from "./visible-controls.ts";

describe("visibleControls", () => {
  it.each([
    ["virsh\u0000attach-disk", "virsh␀attach-disk"],
    ["\u001b[0mdone\u0007", "␛[0mdone␇"],
    ["50%\u0008100%\u007f", "50%␈100%␡"],
    ["a\u0085b\u009bc", "a�b�c"], // C1 controls
    ["lone \ud800 high", "lone � high"],
    ["lone \udc00 low", "lone � low"],
    ["\udc00\ud800", "��"], // reversed pair: both lone
    ["\uffff\ufffe", "��"],
  ])("%j → %j", (input, shown) => {
    expect(visibleControls(input)).toBe(shown);
  });

  it("keeps tabs, line feeds, pairs, CJK, emoji and right-to-left text as they are", () => {
    const text = "a\tb\nc 中文，全角 😀 \ud83d\ude00 עברית";
    expect(visibleControls(text)).toBe(text);
  });

  it("never changes a string's length in code points, and leaves nothing invisible", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const shown = visibleControls(text);
        expect([...shown].length).toBe([...text].length);
        expect(shown).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
        // Well-formed UTF-16: encoding and decoding it changes nothing.
        expect(new TextDecoder().decode(new TextEncoder().encode(shown))).toBe(shown);
      }),
    );
  });

  it("changes a text exactly where the full expression matches (its quick pre-check misses nothing)", () => {
    const full = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      expect(visibleControls(`a${char}b`) === `a${char}b`).toBe(!char.match(full));
    }
  });
});
