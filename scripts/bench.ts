// `npm run bench [-- section…]`: the speed and memory targets, one section a module in
// scripts/bench/, each exporting `run()`. A new section is one line in the table below.

const sections: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  parse: () => import("./bench/parse.ts"),
  render: () => import("./bench/render.ts"),
  search: () => import("./bench/search.ts"),
  scale: () => import("./bench/scale.ts"),
  serve: () => import("./bench/serve.ts"),
  markdown: () => import("./bench/markdown.ts"),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in sections));
if (unknown.length > 0) {
  console.error(`unknown bench section: ${unknown.join(", ")} (known: ${Object.keys(sections).join(", ")})`);
  process.exit(2);
}
for (const [name, load] of Object.entries(sections)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n## ${name}\n`);
  await (await load()).run();
}
