import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { removeInBackground } from "./remove-in-background.ts";

async function until(check: () => boolean, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe("removeInBackground", () => {
  it("removes the folder in a process of its own, and nothing beside it", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "dotlog-remove-"));
    const old = path.join(parent, `.site.old-${process.pid}`);
    for (let i = 0; i < 200; i++) {
      mkdirSync(path.join(old, `2012/${i}`), { recursive: true });
      writeFileSync(path.join(old, `2012/${i}/index.html`), "<p>old</p>");
    }
    mkdirSync(path.join(parent, "site"));
    writeFileSync(path.join(parent, "site/index.html"), "<p>new</p>");

    await removeInBackground(old);

    // The remover renames the folder to its own pid before removing it, so no folder of this
    // name is left whichever it is doing; then nothing but the new site is.
    expect(await until(() => readdirSync(parent).length === 1)).toBe(true);
    expect(readdirSync(parent)).toEqual(["site"]);
    expect(existsSync(path.join(parent, "site/index.html"))).toBe(true);
  });

  it("leaves nothing to do when the folder is gone already", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "dotlog-remove-"));
    mkdirSync(path.join(parent, "keep"));
    await removeInBackground(path.join(parent, `.site.old-${process.pid}`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readdirSync(parent)).toEqual(["keep"]);
  });
});
