// Where each series page is written: a function, as in entry.11tydata.js (no Nunjucks render a page).
export default { permalink: (data) => data.series.url };
