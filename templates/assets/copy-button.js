// Copy buttons for the literal blocks of a page — progressive enhancement: the page is complete
// without this script. A transcript's figure carries `data-copy`, its commands one a line
// (no prompts, no output); any other block copies its text as shown.
(() => {
  "use strict";
  if (!navigator.clipboard || typeof navigator.clipboard.writeText !== "function") return;

  const LABEL = "Copy";

  function copyText(figure) {
    if (figure.dataset.copy !== undefined) return figure.dataset.copy;
    const pre = figure.querySelector("pre");
    return pre ? pre.textContent : "";
  }

  function addButton(figure) {
    if (figure.querySelector(".copy-button")) return;
    const label = figure.dataset.lang || "block";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = LABEL;
    button.setAttribute(
      "aria-label",
      figure.dataset.copy !== undefined ? `Copy the ${label} commands` : `Copy the ${label} text`,
    );
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(copyText(figure)).then(
        () => say(button, "Copied"),
        () => say(button, "Copy failed"),
      );
    });
    figure.append(button);
  }

  function say(button, text) {
    button.textContent = text;
    window.setTimeout(() => {
      button.textContent = LABEL;
    }, 1500);
  }

  for (const figure of document.querySelectorAll("figure.block")) addButton(figure);
})();
