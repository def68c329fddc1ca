// The pathway explorer: the form that asks the path search (pathsearch.js, which walks the moves and costs
// graph/mobility computed) and shows its answers. No network access; everything shown from the data goes through
// textContent.
"use strict";
(function () {
  const raw = JSON.parse(document.getElementById("explorer-data").textContent);
  const { D, bestPaths, alongPath, formatCost } = careersPathSearch(raw);
  const { reach, openingSkill } = careersReach(raw);
  const S = D.strings;
  const cost = (x) => (D.decimalComma ? formatCost(x).replace(".", ",") : formatCost(x)); // the same number, written as the page's language does

  // ---------------------------------------------------------------- the form

  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const byLabel = (a, b) => a.label.localeCompare(b.label);
  const states = Object.entries(D.nodes).map(([id, n]) => ({ id, label: n.label, text: fold(n.search), more: fold(n.duties) })).sort(byLabel);
  const oldLevel = new RegExp(D.csPattern, "gi"); // graph/mobility/resolve.py's CS_PATTERN: "CS-02" is read as IT-02
  const skills = D.skillIds.map((id, i) => ({ id, index: i, label: D.skills[i], text: fold(`${D.skills[i]} ${D.skillAlt[i]}`) })).sort(byLabel);

  // Names, titles and crosswalked occupations first; then states whose stream's duties hold the words ("help desk")
  function suggestions(entries, query) {
    const words = fold(query.replace(oldLevel, (_, n) => `IT-0${n}`)).split(/\s+/).filter(Boolean);
    const named = entries.filter((n) => words.every((w) => n.text.includes(w)));
    const dutied = entries.filter((n) => n.more && !named.includes(n) && words.every((w) => n.text.includes(w) || n.more.includes(w)));
    return [...named, ...dutied].slice(0, 12);
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function combobox(input, entries) {
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
      options = suggestions(entries, input.value);
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
      const exact = entries.find((n) => fold(n.label) === fold(input.value));
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
      const only = suggestions(entries, input.value);
      return input.value && only.length === 1 ? only[0].id : null;
    };
  }

  const format = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));

  function observedLine(step) {
    if (D.threshold == null) return null;
    const rows = D.observed[`${step.source}|${step.target}`] || [];
    const synthetic = D.synthetic ? S.synthetic : "";
    if (!rows.length) return `${S.explorer_observed}${S.colon}${format(S.explorer_observed_none, { threshold: D.threshold })}${synthetic}`;
    const parts = rows.map(([action, count]) => `${action} ${count}`);
    return `${S.explorer_observed}${S.colon}${parts.join(S.semicolon)}${synthetic}`;
  }

  // The page's words are English: on the French page, say so (WCAG 3.1.2, language of parts)
  function english(text) {
    const span = element("span", text);
    if (document.documentElement.lang !== "en") span.lang = "en";
    return span;
  }

  function stepItem(step, seen, last) {
    const item = element("li");
    const detail = D.details[step.detail];
    const head = element("p");
    head.append(element("strong", `${S["move_" + step.kind]} → ${D.nodes[step.target].label}`));
    head.append(` (${D.basisWords[step.basis]}${S.semicolon}${S.explorer_cost} ${cost(step.cost)})`);
    item.append(head);
    const lines = [[S.explorer_allowed_by, detail.rule]];
    if (detail.quotes.length) lines.push([S.explorer_page_says, english(detail.quotes.map((q) => `“${q}”`).join(" "))]);
    else if (detail.evidence) lines.push([null, detail.evidence]);
    if (detail.assumptions.length) lines.push([S.explorer_assumes, detail.assumptions.join(", ")]);
    const level = (n) => (n ? D.skillLevels[n] || String(n) : "—");
    const gain = seen.gain.map(([skill, required]) => `${D.skills[skill]} (${level(required)})`);
    const deepen = seen.deepen.map(([skill, held, required]) => `${D.skills[skill]} (${level(held)} → ${level(required)})`);
    lines.push([step.kind === "entry" ? S.explorer_qualifications : S.explorer_gain, gain.join(S.semicolon) || S.explorer_none]);
    if (deepen.length) lines.push([S.explorer_deepen, deepen.join(S.semicolon)]);
    if (seen.earlier.length) lines.push([S.explorer_earlier, seen.earlier.map((skill) => D.skills[skill]).join(S.semicolon)]);
    if (last && D.nodes[step.target].pay) lines.push([S.pay, D.nodes[step.target].pay]); // once, at the end: the summary has both ends
    const observed = observedLine(step);
    if (observed) lines.push([null, observed]);
    const list = element("ul", null, "facts");
    for (const [name, value] of lines) {
      const li = element("li");
      if (name) li.append(element("span", `${name}${S.colon}`, "name"));
      li.append(value);
      list.append(li);
    }
    item.append(list);
    return item;
  }

  function show(paths) {
    const results = document.getElementById("results");
    results.replaceChildren(results.firstElementChild);
    if (paths.length) results.append(element("p", S.explorer_cost_means, "cost-means"));
    paths.forEach((path, number) => {
      const section = element("section", null, "path");
      const stated = path.steps.filter((s) => s.basis === "stated").length;
      const ruled = path.steps.filter((s) => s.basis === "rule").length;
      let basis = format(path.steps.length === 1 ? S.explorer_stated_count_one : S.explorer_stated_count, { stated, moves: path.steps.length });
      if (ruled) basis += ", " + format(S.explorer_rule_count, { count: ruled });
      const heading = path.steps.length === 1 ? S.explorer_moves_one : S.explorer_moves;
      section.append(element("h3", `${format(heading, { number: number + 1, moves: path.steps.length, cost: cost(path.cost) })} (${basis})`));
      section.append(element("p", path.nodes.map((n) => D.nodes[n].label).join(" → "), "route"));
      const along = alongPath(path);
      const pay = (node) => D.payRanges[D.ids.indexOf(node)] || "—";
      section.append(element("p", format(S.explorer_summary_line, {
        start: pay(path.nodes[0]), end: pay(path.nodes[path.nodes.length - 1]),
        promotions: path.steps.filter((s) => s.kind === "promotion" || s.kind === "executive appointment").length,
        skills: along.reduce((n, seen) => n + seen.gain.length, 0),
      }), "summary"));
      const steps = element("ol");
      path.steps.forEach((step, i) => steps.append(stepItem(step, along[i], i === path.steps.length - 1)));
      section.append(steps);
      results.append(section);
    });
  }

  // Whether a question asks to go down the ladder (IT-01 .. IT-05, then EX-01 .. EX-05: the executive levels above the
  // rank they are entered from), which no rule here does
  function downward(source, target) {
    const step = (n) => (n.rank == null ? null : n.kind === "executive" ? raw.reach.executiveEntryRank + n.rank : n.rank);
    const [a, b] = [step(D.nodes[source]), step(D.nodes[target])];
    return a != null && b != null && b < a;
  }

  const from = combobox(document.getElementById("from"), states);
  const to = combobox(document.getElementById("to"), states);
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
    status.textContent = paths.length ? format(S.explorer_result, { count: paths.length }) : downward(source, target) ? S.explorer_no_path_down : S.explorer_no_path;
  });

  // ---------------------------------------------------------------- skills first

  const skillInput = document.getElementById("skill");
  const pickedSkill = combobox(skillInput, skills);
  const skillIndex = new Map(D.skillIds.map((id, i) => [id, i]));
  const levelWord = (n) => (n ? D.skillLevels[n] || String(n) : "—");
  const mine = new Map(); // skill index -> level, in the order added

  function showMine() {
    const list = document.getElementById("my-skills");
    list.replaceChildren(...[...mine].map(([skill, level]) => {
      const li = element("li", `${D.skills[skill]} (${levelWord(level)}) `);
      const remove = element("button", "×");
      remove.type = "button";
      remove.setAttribute("aria-label", format(S.reach_remove, { skill: D.skills[skill] }));
      remove.addEventListener("click", () => { mine.delete(skill); showMine(); skillInput.focus(); });
      li.append(remove);
      return li;
    }));
    if (!mine.size) list.append(element("li", S.reach_none_yet));
  }

  // The profile lives in the address's fragment (never sent to a server): #skills=id:level,id:level&level=level-it-03
  function remember() {
    const skillsPart = [...mine].map(([skill, level]) => `${D.skillIds[skill]}:${level}`).join(",");
    const level = document.getElementById("my-level").value;
    history.replaceState(null, "", `#skills=${encodeURIComponent(skillsPart)}${level ? `&level=${encodeURIComponent(level)}` : ""}`);
    const other = document.querySelector("header a[lang]");
    other.href = other.href.split("#")[0] + location.hash;
  }

  function recall() {
    const params = new URLSearchParams(location.hash.slice(1));
    for (const item of (params.get("skills") || "").split(",")) {
      const [id, level] = item.split(":");
      if (skillIndex.has(id) && /^[1-4]$/.test(level || "")) mine.set(skillIndex.get(id), Number(level));
    }
    const level = params.get("level");
    const select = document.getElementById("my-level");
    if (level && [...select.options].some((o) => o.value === level)) select.value = level;
    return mine.size > 0;
  }

  function showReach() {
    const status = document.getElementById("reach-status");
    const results = document.getElementById("reach-results");
    results.replaceChildren();
    if (!mine.size) { status.textContent = S.reach_no_skills; return; }
    remember();
    const level = document.getElementById("my-level").value || null;
    const found = reach(mine, level);
    const shown = found.slice(0, Number(document.getElementById("reach-top").value));
    status.textContent = found.length ? format(S.reach_result, { count: found.length, shown: shown.length }) : S.reach_nothing;
    const list = element("ol", null, "reach");
    for (const r of shown) {
      const node = D.nodes[r.position];
      const item = element("li");
      const head = element("p");
      head.append(element("strong", node.label));
      head.append(` (${S["move_" + r.kind]}${S.semicolon}${S.explorer_cost} ${cost(r.cost)}${node.assumed ? `${S.semicolon}${S.reach_assumed}` : ""})`);
      item.append(head);
      const facts = element("ul", null, "facts");
      const gap = r.gap.map(([skill, need, have]) => `${D.skills[skill]} (${have == null ? levelWord(need) : `${levelWord(have)} → ${levelWord(need)}`})`);
      const line = (name, value) => { const li = element("li"); li.append(element("span", `${name}${S.colon}`, "name"), value); facts.append(li); };
      line(S.reach_gap, gap.join(S.semicolon) || S.reach_none);
      line(S.explorer_allowed_by, D.ruleNames[r.rule] || r.rule);
      if (node.pay) line(S.pay, node.pay);
      item.append(facts);
      list.append(item);
    }
    results.append(list);
    const within = D.reach.within;
    const best = openingSkill(mine, level, within);
    results.append(element("p", best
      ? format(S.reach_opening, { skill: D.skills[best.skill], level: levelWord(best.level), after: best.after, within: cost(within), before: best.before })
      : format(S.reach_opening_none, { within: cost(within) }), "opening"));
  }

  document.getElementById("add-skill").addEventListener("click", () => {
    const id = pickedSkill();
    if (!id) { document.getElementById("reach-status").textContent = S.reach_choose_skill; skillInput.focus(); return; }
    mine.set(skillIndex.get(id), Number(document.getElementById("skill-level").value));
    skillInput.value = "";
    delete skillInput.dataset.node;
    showMine();
    skillInput.focus();
  });
  skillInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.defaultPrevented) { event.preventDefault(); document.getElementById("add-skill").click(); }
  });
  document.getElementById("reach-form").addEventListener("submit", (event) => { event.preventDefault(); showReach(); });
  if (recall()) showReach();
  showMine();

  window.careers = { ready: true, readyAt: performance.now() };
  window.careersExplorer = {
    reach: (profile, level) => reach(new Map(Object.entries(profile).map(([id, lvl]) => [skillIndex.get(id), lvl])), level)
      .map((r) => ({ position: r.position, kind: r.kind, cost: r.cost })),
    bestPaths: (source, target, options) =>
      bestPaths(source, target, options).map((p) => ({ nodes: p.nodes, kinds: p.steps.map((s) => s.kind), costs: p.steps.map((s) => s.cost), cost: p.cost })),
  };
})();
