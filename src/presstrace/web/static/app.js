// presstrace: toggle highlight layers on the article page. Loaded as a file (strict CSP).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var text = document.getElementById("text");
  var legend = document.getElementById("legend");
  if (!text || !legend) return;
  legend.addEventListener("change", function (event) {
    var box = event.target;
    if (!box || !box.dataset || !box.dataset.layer) return;
    text.classList.toggle("hide-" + box.dataset.layer, !box.checked);
  });
});
