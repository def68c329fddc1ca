// The pathway explorer: the form that asks the path search (pathsearch.js, which walks the moves and costs
// graph/mobility computed) and shows its answers. No network access; everything shown from the data goes through
// textContent.
"use strict";
(function () {
  const { D, bestPaths, alongPath, formatCost } = careersPathSearch(JSON.parse(document.getElementById("explorer-data").textContent));
  const S = D.strings;

  // ---------------------------------------------------------------- the form

  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const searchable = Object.entries(D.nodes).map(([id, n]) => ({ id, label: n.label, text: fold(n.search) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  function suggestions(query) {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return searchable.filter((n) => words.every((w) => n.text.includes(w))).slice(0, 12);
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function combobox(input) {
    const list = document.getElementById(input.getAttribute("aria-controls"));
    let options = [], active = -1;
    const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); active = -1; };
    const choose = (option) => { input.value = option.label; input.dataset.node = option.id; close(); };
    const highlight = (i) => {
      active = i;
      [...list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
      if (i >= 0) { input.setAttribute("aria-activedescendant", list.children[i].id); list.children[i].scrollIntoView({ block: "nearest" }); }
    };
    const open = () => {
      options = suggestions(input.value);
      list.replaceChildren(...options.map((o, i) => {
        const li = element("li", o.label);
        li.id = `${list.id}-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.addEventListener("mousedown", (event) => { event.preventDefault(); choose(o); });
        return li;
      }));
      list.hidden = options.length === 0;
      input.setAttribute("aria-expanded", String(options.length > 0));
      active = -1;
    };
    input.addEventListener("input", () => {
      const exact = searchable.find((n) => fold(n.label) === fold(input.value));
      if (exact) input.dataset.node = exact.id; else delete input.dataset.node;
      open();
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown") { event.preventDefault(); if (list.hidden) open(); highlight(Math.min(active + 1, options.length - 1)); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (event.key === "Enter" && !list.hidden && active >= 0) { event.preventDefault(); choose(options[active]); }
      else if (event.key === "Escape") close();
    });
    input.addEventListener("blur", close);
    return () => {
      if (input.dataset.node) return input.dataset.node;
      const only = suggestions(input.value);
      return input.value && only.length === 1 ? only[0].id : null;
    };
  }

  const format = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));

  function observedLine(step) {
    if (D.threshold == null) return null;
    const rows = D.observed[`${step.source}|${step.target}`] || [];
    const synthetic = D.synthetic ? S.synthetic : "";
    if (!rows.length) return `${S.explorer_observed}: ${format(S.explorer_observed_none, { threshold: D.threshold })}${synthetic}`;
    const parts = rows.map(([action, count]) => `${action} ${count}`);
    return `${S.explorer_observed}: ${parts.join("; ")}${synthetic}`;
  }

  function stepItem(step, seen) {
    const item = element("li");
    const detail = D.details[step.detail];
    const head = element("p");
    head.append(element("strong", `${S["move_" + step.kind]} → ${D.nodes[step.target].label}`));
    head.append(` (${D.basisWords[step.basis]}; ${S.explorer_cost} ${formatCost(step.cost)})`);
    item.append(head);
    const lines = [[S.explorer_allowed_by, detail.rule]];
    if (detail.quotes.length) lines.push([S.explorer_page_says, detail.quotes.map((q) => `“${q}”`).join(" ")]);
    else if (detail.evidence) lines.push([null, detail.evidence]);
    if (detail.assumptions.length) lines.push([S.explorer_assumes, detail.assumptions.join(", ")]);
    const level = (n) => (n ? D.skillLevels[n] || String(n) : "—");
    const gain = seen.gain.map(([skill, required]) => `${D.skills[skill]} (${level(required)})`);
    const deepen = seen.deepen.map(([skill, held, required]) => `${D.skills[skill]} (${level(held)} → ${level(required)})`);
    lines.push([step.kind === "entry" ? S.explorer_qualifications : S.explorer_gain, gain.join("; ") || S.explorer_none]);
    if (deepen.length) lines.push([S.explorer_deepen, deepen.join("; ")]);
    if (seen.earlier.length) lines.push([S.explorer_earlier, seen.earlier.map((skill) => D.skills[skill]).join("; ")]);
    if (D.nodes[step.target].pay) lines.push([S.pay, D.nodes[step.target].pay]);
    const observed = observedLine(step);
    if (observed) lines.push([null, observed]);
    const list = element("ul", null, "facts");
    for (const [name, value] of lines) {
      const li = element("li");
      if (name) li.append(element("span", `${name}: `, "name"));
      li.append(value);
      list.append(li);
    }
    item.append(list);
    return item;
  }

  function show(paths) {
    const results = document.getElementById("results");
    results.replaceChildren(results.firstElementChild);
    paths.forEach((path, number) => {
      const section = element("section", null, "path");
      const stated = path.steps.filter((s) => s.basis === "stated").length;
      const ruled = path.steps.filter((s) => s.basis === "rule").length;
      let basis = format(S.explorer_stated_count, { stated, moves: path.steps.length });
      if (ruled) basis += ", " + format(S.explorer_rule_count, { count: ruled });
      section.append(element("h3", `${format(S.explorer_moves, { number: number + 1, moves: path.steps.length, cost: formatCost(path.cost) })} (${basis})`));
      section.append(element("p", path.nodes.map((n) => D.nodes[n].label).join(" → "), "route"));
      const steps = element("ol");
      const along = alongPath(path);
      path.steps.forEach((step, i) => steps.append(stepItem(step, along[i])));
      section.append(steps);
      results.append(section);
    });
  }

  const from = combobox(document.getElementById("from"));
  const to = combobox(document.getElementById("to"));
  document.getElementById("question").addEventListener("submit", (event) => {
    event.preventDefault();
    const status = document.getElementById("status");
    const source = from(), target = to();
    if (!source || !target) { status.textContent = S.explorer_choose; return; }
    const options = {
      k: Number(document.getElementById("k").value),
      path: document.querySelector("input[name=path]:checked").value || null,
      avoidStream: document.getElementById("avoid").value || null,
      statedOnly: document.getElementById("stated-only").checked,
      assumedLevels: document.getElementById("assumed-levels").checked,
    };
    const paths = bestPaths(source, target, options);
    show(paths);
    status.textContent = paths.length ? format(S.explorer_result, { count: paths.length }) : S.explorer_no_path;
  });

  window.careers = { ready: true, readyAt: performance.now() };
  window.careersExplorer = {
    bestPaths: (source, target, options) =>
      bestPaths(source, target, options).map((p) => ({ nodes: p.nodes, kinds: p.steps.map((s) => s.kind), costs: p.steps.map((s) => s.cost), cost: p.cost })),
  };
})();
