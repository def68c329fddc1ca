// The query page: run the query with fetch and draw the results with DOM text nodes (never innerHTML).
"use strict";
(function () {
  const form = document.getElementById("query-form");
  const textarea = document.getElementById("query");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const examples = document.getElementById("examples");
  const french = document.documentElement.lang === "fr";
  const words = french ? { rows: " ligne(s)", running: "exécution…" } : { rows: " row(s)", running: "running…" };

  examples.addEventListener("change", function () {
    const template = document.getElementById("example-" + examples.value);
    if (template) { textarea.value = template.content.textContent || template.innerText; }
  });

  function cell(term) {
    const td = document.createElement("td");
    if (!term) { return td; }
    if (term.type === "uri") {
      const a = document.createElement("a");
      const base = "https://w3id.org/gc-digital-careers/id/";
      a.href = term.value.startsWith(base) ? "/id/" + term.value.slice(base.length) : term.value;
      a.textContent = term.value;
      td.appendChild(a);
    } else {
      td.textContent = term.value + (term["xml:lang"] ? " @" + term["xml:lang"] : "");
      if (term["xml:lang"]) { td.lang = term["xml:lang"]; }  // a literal in its own language (WCAG 3.1.2)
    }
    return td;
  }

  function draw(data) {
    results.replaceChildren();
    if (typeof data.boolean === "boolean") { results.textContent = String(data.boolean); return; }
    const table = document.createElement("table");
    const head = document.createElement("tr");
    for (const name of data.head.vars) { const th = document.createElement("th"); th.textContent = name; head.appendChild(th); }
    table.appendChild(head);
    for (const row of data.results.bindings) {
      const tr = document.createElement("tr");
      for (const name of data.head.vars) { tr.appendChild(cell(row[name])); }
      table.appendChild(tr);
    }
    results.appendChild(table);
    status.textContent = data.results.bindings.length + words.rows;
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    status.className = ""; status.removeAttribute("lang"); status.textContent = words.running;
    const body = new URLSearchParams({ query: textarea.value });
    try {
      const response = await fetch("/sparql", { method: "POST", body: body,
        headers: { "Accept": "application/sparql-results+json, text/turtle;q=0.5" } });
      const type = response.headers.get("Content-Type") || "";
      if (!response.ok) {  // the endpoint's own message, in English
        status.className = "error"; status.lang = "en"; status.textContent = await response.text(); results.replaceChildren(); return;
      }
      if (type.startsWith("application/sparql-results+json")) { draw(await response.json()); }
      else { const pre = document.createElement("pre"); pre.textContent = await response.text(); results.replaceChildren(pre); status.textContent = ""; }
    } catch (error) { status.className = "error"; status.textContent = String(error); }
  });
}());
