// The interactive page: draws the network from the JSON data block, and shows details with DOM text nodes only
// (never innerHTML: labels and quotes come from data that users can extend).
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const words = data.strings;
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const container = document.getElementById("network");
  // The map's own keys (arrows move it, "-" zooms out) listen on the whole window: what is typed in a field is not for
  // them ("IT-04"). Registered before the map, so that its listeners never see those keys.
  window.addEventListener("keydown", function (event) {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) { event.stopImmediatePropagation(); }
  }, true);
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  network.fit({ animation: false });
  const details = document.getElementById("details");
  const status = document.getElementById("search-status");
  window.careers = { network: network, nodes: nodes, edges: edges, ready: false };

  network.once("afterDrawing", function () {
    network.fit({ animation: false });  // again, now that the page's layout has given the canvas its size
    window.careers.ready = true;
    window.careers.readyAt = performance.now();
    document.body.setAttribute("data-ready", "true");
  });

  // A text is a string, or a list of runs: strings, and [words, language] pairs for words in another language than the
  // page's (the sources' English words on a French page), which get their own lang attribute (WCAG 3.1.2)
  function element(tag, text, className, lang) {
    const el = document.createElement(tag);
    if (Array.isArray(text)) {
      for (const run of text) {
        if (Array.isArray(run)) {
          const span = document.createElement("span");
          span.textContent = String(run[0]);
          span.lang = run[1];
          el.appendChild(span);
        } else {
          el.appendChild(document.createTextNode(String(run)));
        }
      }
    } else if (text !== undefined && text !== null) { el.textContent = String(text); }
    if (className) { el.className = className; }
    if (lang) { el.lang = lang; }
    return el;
  }

  // The language of a field of a node's or link's details: "en" when the data says the field exists only in English
  function languageOf(info, field) {
    return document.documentElement.lang !== "en" && (info.english || []).indexOf(field) >= 0 ? "en" : undefined;
  }

  // A field's text as a run: marked with its language when that is not the page's
  function marked(info, field) {
    const lang = languageOf(info, field);
    return lang ? [info[field], lang] : info[field];
  }

  function list(title, items, lang) {
    const section = document.createDocumentFragment();
    if (!items || items.length === 0) { return section; }
    section.appendChild(element("h3", title));
    const ul = element("ul", null, null, lang);
    for (const item of items) { ul.appendChild(element("li", item)); }
    section.appendChild(ul);
    return section;
  }

  // The sources' words are English: on a page in another language, say so (WCAG 3.1.2, language of parts)
  function quoted(text) {
    const block = element("blockquote", text);
    if (document.documentElement.lang !== "en") { block.lang = "en"; }
    return block;
  }

  // Below 1500 px the panel is under the map: the details then float over the map's corner (page.css), with a way to close them
  function opened() {
    details.replaceChildren();
    details.classList.add("shown");
    const close = element("button", null, "close"); // its "×" is drawn by page.css: the details' text stays theirs
    close.type = "button";
    close.setAttribute("aria-label", words.close_details);
    close.addEventListener("click", function () { details.classList.remove("shown"); });
    details.appendChild(close);
  }
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { details.classList.remove("shown"); } });


  function showNode(id) {
    const info = data.details[id];
    if (!info) { return; }
    opened();
    details.appendChild(element("h2", info.label, null, languageOf(info, "label")));
    details.appendChild(element("p", [info.kind, info.group ? " · " : "", info.group ? marked(info, "group") : ""], "kind"));
    if (info.definition) {
      details.appendChild(element("h3", words.definition));
      details.appendChild(element("p", info.definition, null, languageOf(info, "definition")));
    }
    if (info.pay) { details.appendChild(element("h3", words.pay)); details.appendChild(element("p", info.pay)); }
    details.appendChild(list(words.skills, info.skills));
    details.appendChild(list(words.responsibilities, info.responsibilities, languageOf(info, "responsibilities")));
    if (info.quotes && info.quotes.length) {
      details.appendChild(element("h3", words.quote));
      for (const quote of info.quotes) { details.appendChild(quoted(quote)); }
    }
    details.appendChild(linksOf(id));
  }

  // A node's links as buttons, so that a keyboard reaches each link's details (the canvas itself takes no focus)
  function linksOf(id) {
    const section = document.createDocumentFragment();
    const mine = edges.get({ filter: function (e) { return (e.from === id || e.to === id) && data.edgeDetails[e.id]; } });
    if (mine.length === 0) { return section; }
    section.appendChild(element("h3", words.links_of));
    const ul = element("ul", null, "links-of");
    for (const e of mine.slice(0, 60)) {
      const info = data.edgeDetails[e.id];
      const button = element("button", [marked(info, "from"), " → ", marked(info, "to"), " (" + info.kind + ")"]);
      button.type = "button";
      button.addEventListener("click", function () { showEdge(e.id); details.querySelector("h2").focus(); });
      const li = element("li");
      li.appendChild(button);
      ul.appendChild(li);
    }
    section.appendChild(ul);
    return section;
  }


  function showEdge(id) {
    const info = data.edgeDetails[id];
    if (!info) { return; }
    opened();
    const heading = element("h2", [marked(info, "from"), " → ", marked(info, "to")]);
    heading.tabIndex = -1; // where the keyboard lands after choosing a link
    details.appendChild(heading);
    details.appendChild(element("p", info.kind + (info.basis ? " · " + words[info.basis] : ""), "kind"));
    if (info.score !== null && info.score !== undefined) { details.appendChild(element("p", words.score + ": " + Number(info.score).toFixed(2))); }
    if (info.evidence) {
      details.appendChild(element("h3", words.evidence));
      details.appendChild(element("p", info.evidence, null, languageOf(info, "evidence")));
    }
    if (info.rule) {
      details.appendChild(element("h3", words.allowed_by));
      details.appendChild(element("p", info.rule, null, languageOf(info, "rule")));
      for (const quote of info.rule_quotes || []) { details.appendChild(quoted(quote)); }
    }
    details.appendChild(list(words.assumptions, info.assumptions, languageOf(info, "assumptions")));
    details.appendChild(list(words.gap, info.gap));
    details.appendChild(list(words.shared, info.shared));
    if (info.quotes && info.quotes.length) {
      details.appendChild(element("h3", words.quote));
      for (const quote of info.quotes) { details.appendChild(quoted(quote)); }
    }
  }

  window.careers.show = { node: showNode, edge: showEdge };  // what selecting a node or a link shows (tests read every one)
  network.on("hoverNode", function (event) { showNode(event.node); });
  network.on("hoverEdge", function (event) { showEdge(event.edge); });
  network.on("selectNode", function (event) { showNode(event.nodes[0]); });
  network.on("selectEdge", function (event) { if (event.nodes.length === 0) { showEdge(event.edges[0]); } });

  function normalise(text) { return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }

  function find(query) {
    const wanted = normalise(query).split(/[^a-z0-9]+/).filter(Boolean);
    if (wanted.length === 0) { return null; }
    let best = null;
    for (const node of nodes.get({ filter: function (n) { return !n.hidden; } })) {
      const label = normalise(node.searchText || node.label);
      if (label === normalise(query)) { return node; }
      if (wanted.every(function (w) { return label.indexOf(w) >= 0; }) && (best === null || label.length < normalise(best.searchText || best.label).length)) { best = node; }
    }
    return best;
  }

  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    const query = document.getElementById("search-input").value;
    const node = find(query);
    if (node === null) { status.textContent = words.not_found + " “" + query + "”"; return; }
    status.textContent = "";
    network.selectNodes([node.id]);
    applyEdgeFilters();
    // Move the view only if the node is out of it, and without zooming: the lanes' names stay where the reader left them
    const at = network.canvasToDOM(network.getPosition(node.id));
    if (at.x < 0 || at.y < 0 || at.x > container.clientWidth || at.y > container.clientHeight) {
      network.focus(node.id, { scale: network.getScale(), animation: false });
    }
    showNode(node.id);
  });

  function applyFilters() {
    const shown = new Set(), filtered = new Set();
    for (const box of document.querySelectorAll("input[data-filter]")) {
      filtered.add(box.value);
      if (box.checked) { shown.add(box.value); }
    }
    nodes.update(nodes.get().map(function (n) { return { id: n.id, hidden: filtered.has(n.filterValue) && !shown.has(n.filterValue) }; }));
  }
  for (const box of document.querySelectorAll("input[data-filter]")) { box.addEventListener("change", applyFilters); }

  // Kinds of link switched on and off; a selected node shows all of its own links.
  const edgeBoxes = document.querySelectorAll("input[data-edge-filter]");
  function applyEdgeFilters() {
    if (edgeBoxes.length === 0) { return; }
    const shown = new Set();
    for (const box of edgeBoxes) { if (box.checked) { shown.add(box.value); } }
    const selected = new Set(network.getSelectedNodes());
    edges.update(edges.get().map(function (e) {
      return { id: e.id, hidden: !(e.always || shown.has(e.kind) || selected.has(e.from) || selected.has(e.to)) };
    }));
  }
  for (const box of edgeBoxes) { box.addEventListener("change", applyEdgeFilters); }
  network.on("selectNode", applyEdgeFilters);
  network.on("deselectNode", applyEdgeFilters);
  applyEdgeFilters();

  // A large career map: one stream's positions and their moves, drawn below the boxes when asked.
  const onDemand = data.onDemand;
  let drawn = [];
  function showStream(index) {
    nodes.remove(drawn.filter(function (id) { return nodes.get(id); }));
    edges.remove(edges.getIds({ filter: function (e) { return String(e.id).startsWith("detail:"); } }));
    drawn = [];
    if (index < 0) { network.fit({ animation: false }); return; }
    const x = {}, bottom = Math.max.apply(null, Object.values(network.getPositions()).map(function (p) { return p.y; }));
    for (const id of nodes.getIds()) {
      if (String(id).startsWith("column-")) { x[String(id).slice(7)] = network.getPositions([id])[id].x; }
    }
    const mine = {}, rows = onDemand.pathRows;
    const y = bottom + 140;
    nodes.add({ id: "detail:lane", label: onDemand.streams[index], x: 0, y: y, shape: "text", font: { size: 15 }, widthConstraint: { maximum: 260 } });
    drawn.push("detail:lane");
    onDemand.positions.forEach(function (p, i) {
      const [id, label, short, stream, rank, path] = p;
      if (stream !== index) { return; }
      mine[i] = "detail:" + id;
      nodes.add({ id: mine[i], label: short, x: x[rank], y: y + (rows[path] || 0), shape: "box", font: { size: 15 } });
      data.details[mine[i]] = { label: label, kind: words.stream_detail, group: onDemand.streams[index] };
      drawn.push(mine[i]);
    });
    const end = function (e) { return typeof e === "number" ? (mine[e] || onDemand.positions[e][6]) : e; };
    const seen = new Set();
    for (const [a, b, kind] of onDemand.moves) {
      if (!(a in mine) && !(b in mine)) { continue; }
      const id = "detail:" + end(a) + "|" + end(b) + "|" + kind;
      if (seen.has(id)) { continue; }
      seen.add(id);
      const style = onDemand.styles[kind];
      edges.add({ id: id, from: end(a), to: end(b), kind: kind, always: true, color: style.color, dashes: style.dashes, width: 1.5 });
    }
    network.fit({ nodes: drawn, animation: false });
  }
  if (onDemand) {
    const aside = document.querySelector("aside");
    const label = element("label", words.stream_detail);
    const select = document.createElement("select");
    select.id = "stream-detail";
    label.htmlFor = "stream-detail";
    select.appendChild(new Option(words.stream_detail_none, "-1"));
    onDemand.streams.forEach(function (name, i) { select.appendChild(new Option(name, String(i))); });
    select.addEventListener("change", function () { showStream(Number(select.value)); });
    const field = element("p");
    field.append(label, " ", select);
    aside.insertBefore(field, aside.firstChild);
  }

  document.getElementById("reset").addEventListener("click", function () {
    for (const box of document.querySelectorAll("input[data-filter], input[data-edge-filter]")) { box.checked = box.defaultChecked; }
    applyFilters();
    network.unselectAll();
    applyEdgeFilters();
    network.fit({ animation: false });
    details.replaceChildren(element("p", words.details_hint));
    details.classList.remove("shown");
    if (onDemand) { document.getElementById("stream-detail").value = "-1"; showStream(-1); }
    status.textContent = "";
    document.getElementById("search-input").value = "";
  });
}());
