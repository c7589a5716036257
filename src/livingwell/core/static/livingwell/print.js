// Buttons marked data-lw-print print the page. They are hidden until this script runs.
for (const button of document.querySelectorAll("[data-lw-print]")) {
  button.classList.remove("lw-js-only");
  button.addEventListener("click", () => window.print());
}
