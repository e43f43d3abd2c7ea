// unum report: filters and a hover tooltip. Loads nothing; without it the page shows everything.
(function () {
  "use strict";
  var doc = document;

  function all(selector, root) {
    return Array.prototype.slice.call((root || doc).querySelectorAll(selector));
  }

  // m, u and match weights: one rule's chart at a time
  var ruleFilter = doc.getElementById("rule-filter");
  function showRule() {
    all(".rule-chart").forEach(function (chart) {
      chart.hidden = chart.getAttribute("data-rule") !== ruleFilter.value;
    });
  }
  if (ruleFilter) {
    ruleFilter.addEventListener("change", showRule);
    showRule();
  }

  // cases: filter by a record id, rule or entity
  all("input.case-filter").forEach(function (input) {
    var target = input.getAttribute("data-target");
    var list = doc.getElementById(target + "-cases");
    var count = doc.querySelector(".shown-count[data-target='" + target + "']");
    function apply() {
      var needle = input.value.trim().toLowerCase();
      var shown = 0;
      all("details.case", list).forEach(function (item) {
        var match = needle === "" || item.getAttribute("data-search").indexOf(needle) !== -1;
        item.hidden = !match;
        shown += match ? 1 : 0;
      });
      count.textContent = shown + " shown";
    }
    input.addEventListener("input", apply);
    apply();
  });

  // profiles: one card at a time, chosen from the list or by a member's record id
  var select = doc.getElementById("profile-select");
  var find = doc.getElementById("profile-find");
  function showProfile() {
    all(".profile-card").forEach(function (card) {
      card.hidden = card.getAttribute("data-profile") !== select.value;
    });
  }
  if (select) {
    select.addEventListener("change", showProfile);
    find.addEventListener("input", function () {
      var needle = find.value.trim().toLowerCase();
      if (needle === "") {
        return;
      }
      var cards = all(".profile-card");
      for (var i = 0; i !== cards.length; i++) {
        if ((" " + cards[i].getAttribute("data-records") + " ").indexOf(" " + needle + " ") !== -1) {
          select.value = cards[i].getAttribute("data-profile");
          showProfile();
          return;
        }
      }
    });
    showProfile();
  }

  // hover: the element's title in a tooltip at once, the element highlighted
  var tip = doc.createElement("div");
  tip.id = "tooltip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  doc.body.appendChild(tip);
  var hovered = null;
  function titleOf(element) {
    for (var child = element.firstElementChild; child; child = child.nextElementSibling) {
      if (child.tagName.toLowerCase() === "title") {
        return child.textContent;
      }
    }
    return null;
  }
  all("svg.chart").forEach(function (svg) {
    svg.addEventListener("mousemove", function (event) {
      var element = event.target;
      var text = element === svg ? null : titleOf(element);
      if (hovered && hovered !== element) {
        hovered.classList.remove("hover");
        hovered = null;
      }
      if (text === null) {
        tip.hidden = true;
        return;
      }
      hovered = element;
      element.classList.add("hover");
      tip.textContent = text;
      tip.style.left = (event.clientX + 14) + "px";
      tip.style.top = (event.clientY + 14) + "px";
      tip.hidden = false;
    });
    svg.addEventListener("mouseleave", function () {
      tip.hidden = true;
      if (hovered) {
        hovered.classList.remove("hover");
        hovered = null;
      }
    });
  });

  // a link to report.html#record=ID opens the profile of that record and finds its cases
  var hash = decodeURIComponent(location.hash || "");
  if (hash.indexOf("#record=") === 0) {
    var id = hash.substring("#record=".length);
    all("input.case-filter").concat(find ? [find] : []).forEach(function (input) {
      input.value = id;
      input.dispatchEvent(new Event("input"));
    });
  }

  doc.documentElement.setAttribute("data-script", "ready");
})();
