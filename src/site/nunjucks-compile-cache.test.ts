import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { splitVariableNamesOnce } from "./nunjucks-compile-cache.ts";

// Eleventy's copy of nunjucks, as the module patches it.
const nunjucks = createRequire(import.meta.resolve("@11ty/eleventy"))("nunjucks");

/** The same template rendered with Nunjucks' own `Frame.set` and with the one that keeps splits. */
function renderBoth(template: string, context: object): [string, string] {
  const frame = nunjucks.runtime.Frame.prototype;
  const original = frame.set;
  const env = new nunjucks.Environment(null, { autoescape: true });
  try {
    const before = env.renderString(template, context) as string;
    splitVariableNamesOnce(frame);
    return [before, env.renderString(template, context) as string];
  } finally {
    frame.set = original;
  }
}

describe("Frame.set with names split once", () => {
  it("sets loop variables, nested loops and dotted names as Nunjucks does", () => {
    const template = "{% for a in xs %}{{ loop.index }}/{{ loop.length }}{% if loop.first %}F{% endif %}{% if loop.last %}L{% endif %}[{% for b in a %}{{ loop.index0 }}{{ b }}{% endfor %}] {% endfor %}";
    const [before, after] = renderBoth(template, { xs: [["p", "q"], [], ["r"]] });
    expect(after).toBe(before);
    expect(after).toBe("1/3F[0p1q] 2/3[] 3/3L[0r] ");
  });

  it("lets a {% set %} in a loop change the variable outside it, and keeps one in a macro in the macro", () => {
    const template = "{% set n = 1 %}{% for x in xs %}{% set n = x %}{{ n }}{% endfor %}|{{ n }}{% macro m(v) %}{% set w = v %}<{{ w }}>{% endmacro %}{{ m(7) }}{{ w }}";
    const [before, after] = renderBoth(template, { xs: [4, 5] });
    expect(after).toBe(before);
    expect(after).toBe("45|5<7>");
  });
});
