// The editors' admin forms: a live word count and reading time under each Markdown field, a
// warning (and a stop) before sending a field over its size bound, and a warning before leaving
// a form with unsaved changes. Loaded as a file: the site's CSP allows no inline script.
"use strict";

(function () {
  function words(text) {
    // As the server counts: tokens holding a letter or digit, link addresses left out.
    return text
      .replace(/\]\([^)]*\)/g, "]")
      .split(/\s+/)
      .filter(function (token) { return /[\p{L}\p{N}]/u.test(token); }).length;
  }

  function describe(field) {
    var stats = document.getElementById(field.id + "-stats");
    if (!stats) return;
    var count = words(field.value);
    var perMinute = Number(field.dataset.wordsPerMinute) || 230;
    var max = Number(field.dataset.maxChars) || Infinity;
    var minutes = Math.max(1, Math.ceil(count / perMinute));
    var text = count.toLocaleString() + (count === 1 ? " word" : " words");
    if (count) text += " · about " + minutes + " min read";
    var over = field.value.length > max;
    if (over) {
      text += " · " + field.value.length.toLocaleString() + " characters, over the limit of " +
        max.toLocaleString() + ": shorten it before saving";
    }
    stats.textContent = text;
    stats.classList.toggle("over", over);
  }

  function markdownFields(root) {
    return Array.prototype.slice.call(root.querySelectorAll("textarea[data-markdown]"));
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("#content-main form");
    if (!form) return;
    markdownFields(form).forEach(describe);

    var dirty = false;
    var sending = false;
    form.addEventListener("input", function (event) {
      dirty = true;
      if (event.target.matches && event.target.matches("textarea[data-markdown]")) {
        describe(event.target);
      }
    });
    form.addEventListener("change", function () { dirty = true; });
    // Inline rows added with "Add another" come with their own fields.
    document.addEventListener("formset:added", function (event) {
      markdownFields(event.target).forEach(describe);
    });

    // Fields with errors (and those the error summary links to) may sit in a folded section.
    function unfold(element) {
      for (var node = element; node; node = node.parentElement) {
        if (node.tagName === "DETAILS") node.open = true;
      }
    }
    Array.prototype.forEach.call(form.querySelectorAll(".errorlist"), unfold);
    Array.prototype.forEach.call(form.querySelectorAll(".error-summary a[href^='#']"), function (link) {
      link.addEventListener("click", function () {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (target) { unfold(target); target.focus(); }
      });
    });

    form.addEventListener("submit", function (event) {
      // A preview opens in another tab: this form stays, with its changes unsaved.
      if (event.submitter && event.submitter.getAttribute("formtarget") === "_blank") return;
      var tooLong = markdownFields(form).filter(function (field) {
        return field.value.length > (Number(field.dataset.maxChars) || Infinity);
      });
      if (tooLong.length) {
        // The server would refuse the form or the whole request; the text stays here instead.
        event.preventDefault();
        tooLong.forEach(describe);
        tooLong[0].focus();
        return;
      }
      sending = true;
    });

    window.addEventListener("beforeunload", function (event) {
      if (dirty && !sending) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  });
})();
