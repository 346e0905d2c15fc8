// Where each entry page is written. A function rather than `permalink: "{{ entry.url }}"` in the
// front matter: Eleventy renders a permalink string as a Nunjucks template for every page, and
// the entry, day and redirect templates make 23,000 of the 24,000 pages on 10,000 entries.
export default { permalink: (data) => data.entry.url };
