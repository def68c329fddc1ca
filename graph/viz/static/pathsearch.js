// The path search of graph/mobility/search.py over the moves of graph/mobility/moves.py: the explicit moves as Python
// listed them (graph/viz/explorer.py), and the lanes of implicit moves made here, when the search opens a position, as
// MobilityModel.buckets_from makes them (the page carries the buckets of each level, not every pair of positions).
// The same order and ties; DOM-free, so that tests/test_pathsearch.py runs it under Node against the library on
// generated questions.
"use strict";
function careersPathSearch(data) {
  const D = expand(data);

  // The page carries states, streams and pay lines once, referred to by index (graph/viz/explorer.py): expand them.
  function expand(data) {
    const ids = data.ids, nodes = {}, explicit = {};
    ids.forEach((id, i) => {
      const [label, kind, rank, group, path, stream, pay, level, role, assumed, profile, levelId] = data.nodes[i];
      nodes[id] = {
        label, kind, rank, group, path, levelId, profileIndex: profile, assumed: Boolean(assumed),
        stream: stream >= 0 ? data.streamIds[stream] : null,
        pay: pay >= 0 ? data.pays[pay] : "",
        search: [label, level, role, stream >= 0 ? data.streams[stream] : "", data.searchWords[i]].join(" "),
        duties: stream >= 0 ? data.streamWords[stream] : "",
      };
      explicit[id] = data.explicit[i].map(([target, kind, basis, cost, detail]) => ({ source: id, target: ids[target], kind, basis, cost, detail }));
    });
    const T = data.texts;
    const details = data.details.map(([rule, assumptions, gap, evidence, quotes]) => ({
      rule: T[rule], assumptions: assumptions.map((i) => T[i]), gap, evidence: T[evidence], quotes: quotes.map((i) => T[i]),
    }));
    const profiles = data.profiles.map((items) => new Map(items));
    ids.forEach((id, i) => { nodes[id].profile = data.nodes[i][10] >= 0 ? profiles[data.nodes[i][10]] : null; });
    const costs = (typeof careersCosts === "function" ? careersCosts : require("./costs.js").careersCosts)(data.reach.costs, data.skillIds);
    const buckets = {};  // a level -> the positions that cost the same to move into, with the profile they share
    for (const [level, list] of Object.entries(data.lanes.buckets)) {
      buckets[level] = list.map(([members, essential, uses, stated]) => ({
        targets: members.map((t) => ids[t]),
        need: essential >= 0 ? costs.byId(data.profiles[essential]) : null,
        uses: uses >= 0 ? profiles[uses] : null,
        stated: Boolean(stated),
      }));
    }
    return { ...data, nodes, explicit, buckets, details, costs };
  }

  // moves.py buckets_from: a position's lanes (deployments and appointments into its level, promotions into the next),
  // without the position itself and the promotions on its own track (explicit moves). A lane is a lane shared by the
  // positions of a profile (sharedLane) and what this position leaves out of it; `at` reads its i-th bucket.
  const L = data.lanes, lanesOf = new Map(), shared = new Map();
  function lanes(node) {
    if (!lanesOf.has(node)) {
      const here = D.nodes[node], made = [];
      if (here.kind === "position") {
        const onTrack = new Set(D.explicit[node].filter((m) => m.kind === "promotion").map((m) => m.target));
        const kinds = [["deployment", here.levelId, new Set([node])], ["appointment", here.levelId, new Set([node])],
          ["promotion", L.above[here.levelId], onTrack]];
        for (const [kind, level, skip] of kinds) {
          const lane = { shared: sharedLane(node, kind, level), skip };
          if (firstFull(lane, 0) < lane.shared.order.length) made.push(lane);
        }
      }
      lanesOf.set(node, made);
    }
    return lanesOf.get(node);
  }
  // moves.py _lane and _costed_lane: the buckets of `kind` into `level` for a state with `node`'s profile (and level stated
  // or not), as their costs and their order (by cost, then targets); a bucket's details are made when a move of it is.
  function sharedLane(node, kind, level) {
    const here = D.nodes[node], key = [here.profileIndex, here.assumed, kind, level].join("|");
    if (!shared.has(key)) {
      const buckets = D.buckets[level] || [], costs = new Float64Array(buckets.length), kept = [];
      buckets.forEach((bucket, i) => {
        const gap = here.profile && bucket.need ? D.costs.skillGap(here.profile, bucket.need) : [];
        if (kind !== "promotion" && (D.costs.gapWeight(gap, false) <= data.reach.costs.deploymentCap ? "deployment" : "appointment") !== kind) return;
        const left = here.profile && bucket.uses ? D.costs.leftBehind(here.profile, bucket.uses) : 0;
        costs[i] = D.costs.moveCost(kind, gap, bucket.need ? bucket.need.length : 0, left, bucket.stated ? 0 : L.penalty);
        kept.push(i);
      });
      kept.sort((a, b) => compareNumbers(costs[a], costs[b]) || compareTuples(buckets[a].targets, buckets[b].targets));
      shared.set(key, { node, kind, level, costs, order: Int32Array.from(kept), details: new Map() });
    }
    return shared.get(key);
  }
  // The i-th bucket of a lane: [kind, basis, cost, targets, detail] (detail: a function that makes it once).
  function at(lane, i) {
    const s = lane.shared, j = s.order[i], bucket = D.buckets[s.level][j];
    const targets = bucket.targets.some((t) => lane.skip.has(t)) ? bucket.targets.filter((t) => !lane.skip.has(t)) : bucket.targets;
    return [s.kind, "rule", s.costs[j], targets, () => detailOf(s, j)];
  }
  function firstFull(lane, i) {  // the first bucket from i on with a target left (moves.py drops the emptied ones)
    while (i < lane.shared.order.length && !at(lane, i)[3].length) i++;
    return i;
  }
  function detailOf(s, j) {
    if (!s.details.has(j)) {
      const here = D.nodes[s.node], bucket = D.buckets[s.level][j];
      const gap = here.profile && bucket.need ? D.costs.skillGap(here.profile, bucket.need) : [];
      const assumed = s.kind === "promotion" ? [L.oneLevel] : [];
      if (here.assumed || !bucket.stated) assumed.push(L.unstated);
      if (!bucket.stated && L.penalty) assumed.push(L.assumedPenalty);
      s.details.set(j, D.details.push({ rule: data.texts[L.rules[s.kind]], assumptions: [...new Set(assumed)].map((i) => data.texts[i]),
        gap, evidence: data.texts[L.evidence[s.kind]], quotes: [] }) - 1);
    }
    return s.details.get(j);
  }

  // Python's round(x, n) on the sums of costs this search makes: toFixed rounds the exact binary value as Python does, but a
  // tie goes up where Python's goes to even. No tie can arise here: the costs are already rounded to 4 places, and their sums
  // are rounded to 9 (then 4) places. costs.js, which rounds raw shares, has the exact half-to-even version (pyRound).
  const round = (x, n) => Number(x.toFixed(n));

  class Heap {
    constructor(less) { this.items = []; this.less = less; }
    get size() { return this.items.length; }
    push(item) {
      const a = this.items; a.push(item);
      let i = a.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.less(a[i], a[parent])) break;
        [a[i], a[parent]] = [a[parent], a[i]]; i = parent;
      }
    }
    pop() {
      const a = this.items, top = a[0], last = a.pop();
      if (a.length) {
        a[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1, r = l + 1;
          let m = i;
          if (l < a.length && this.less(a[l], a[m])) m = l;
          if (r < a.length && this.less(a[r], a[m])) m = r;
          if (m === i) break;
          [a[i], a[m]] = [a[m], a[i]]; i = m;
        }
      }
      return top;
    }
  }

  // Python's comparison of tuples of strings.
  function compareTuples(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return a.length - b.length;
  }
  const compareNumbers = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

  function entryLess(a, b) {
    return (compareNumbers(a.f, b.f) || compareNumbers(a.h, b.h) || compareNumbers(a.n, b.n) ||
      compareTuples(a.nodes, b.nodes) || compareTuples(a.kinds, b.kinds) || compareNumbers(a.total, b.total) ||
      compareNumbers(a.c, b.c)) < 0;
  }
  function candidateLess(a, b) {
    return (compareNumbers(a.cost, b.cost) || compareNumbers(a.acting, b.acting) || compareNumbers(a.n, b.n) || compareTuples(a.nodes, b.nodes) ||
      compareNumbers(a.c, b.c)) < 0;
  }

  const moveKey = (source, target, kind) => source + "\u0000" + target + "\u0000" + kind;

  function moveIn(bucket, source, target) {
    const [kind, basis, cost, , detail] = bucket;
    return { source, target, kind, basis, cost, detail: typeof detail === "function" ? detail() : detail };
  }

  function levelsToClimb(node, target) {
    const here = D.nodes[node], there = D.nodes[target];
    if (here.kind === "entry" || here.rank == null || there.rank == null) return 0;
    if (there.kind === "executive" && here.kind !== "executive") {
      const top = here.group in D.topRank ? D.topRank[here.group] : here.rank;
      return Math.max(0, top - here.rank) + D.cheapestAppointment + there.rank - 1;
    }
    return there.group === here.group ? Math.max(0, there.rank - here.rank) : 0;
  }

  // A* over explicit moves and lazily opened buckets: graph/mobility/search.py, _search.
  function search(source, target, statedOnly, bannedNodes, bannedMoves) {
    const bound = new Map();
    const estimate = (node) => {
      if (!bound.has(node)) bound.set(node, levelsToClimb(node, target));
      return bound.get(node);
    };
    let counter = 0;
    const queue = new Heap(entryLess);
    queue.push({ f: estimate(source), h: estimate(source), n: 0, nodes: [source], kinds: [], total: 0, c: counter++, steps: [], lazy: null });
    const settled = new Set();
    const best = new Map([[source, 0]]);

    function pushMove(move, total, nodes, kinds, steps) {
      const next = move.target;
      if (total <= (best.has(next) ? best.get(next) : Infinity)) {
        best.set(next, total);
        const h = estimate(next);
        queue.push({ f: round(total + h, 9), h, n: steps.length + 1, nodes: [...nodes, next], kinds: [...kinds, D.kindOrder[move.kind]],
          total, c: counter++, steps: [...steps, move], lazy: null });
      }
    }
    function pushBucket(lane, i, cost, nodes, kinds, steps) {
      i = firstFull(lane, i);
      if (i < lane.shared.order.length) {
        const bucket = at(lane, i);
        const total = round(cost + bucket[2], 9);
        const first = bucket[3][0];
        const h = estimate(first);
        queue.push({ f: round(total + h, 9), h, n: steps.length + 1, nodes: [...nodes, first], kinds: [...kinds, D.kindOrder[bucket[0]]],
          total, c: counter++, steps, lazy: { lane, i, base: cost, nodes, kinds } });
      }
    }
    function expand(node, cost, nodes, kinds, steps) {
      for (const move of D.explicit[node]) {
        if (settled.has(move.target) || bannedNodes.has(move.target) || bannedMoves.has(moveKey(move.source, move.target, move.kind))) continue;
        if (statedOnly && move.basis !== "stated") continue;
        pushMove(move, round(cost + move.cost, 9), nodes, kinds, steps);
      }
      if (statedOnly) return;
      for (const lane of lanes(node)) pushBucket(lane, 0, cost, nodes, kinds, steps);
    }

    while (queue.size) {
      const entry = queue.pop();
      if (entry.lazy) {
        const { lane, i, base, nodes, kinds } = entry.lazy;
        pushBucket(lane, i + 1, base, nodes, kinds, entry.steps);
        const bucket = at(lane, i), origin = nodes[nodes.length - 1];
        for (const t of bucket[3]) {
          if (!settled.has(t) && !bannedNodes.has(t) && !bannedMoves.has(moveKey(origin, t, bucket[0]))) {
            pushMove(moveIn(bucket, origin, t), entry.total, nodes, kinds, entry.steps);
          }
        }
        continue;
      }
      const node = entry.nodes[entry.nodes.length - 1];
      if (settled.has(node)) continue;
      if (node === target) return { nodes: entry.nodes, steps: entry.steps, cost: round(entry.total, 4) };
      settled.add(node);
      expand(node, entry.total, entry.nodes, entry.kinds, entry.steps);
    }
    return null;
  }

  // Yen's algorithm: loopless paths, cheapest first (search.py, _paths).
  function* allPaths(source, target, statedOnly, avoid) {
    const first = search(source, target, statedOnly, avoid, new Set());
    if (!first) return;
    const signature = (p) => [...p.nodes, ...p.steps.map((s) => s.kind)].join("\u0000");
    const found = [first], seen = new Set([signature(first)]);
    const candidates = new Heap(candidateLess);
    let counter = 0;
    yield first;
    for (;;) {
      const last = found[found.length - 1];
      for (let i = 0; i < last.steps.length; i++) {
        const rootNodes = last.nodes.slice(0, i + 1), rootSteps = last.steps.slice(0, i);
        const banned = new Set();
        for (const p of found) {
          if (p.steps.length > i && compareTuples(p.nodes.slice(0, i + 1), rootNodes) === 0) {
            banned.add(moveKey(p.steps[i].source, p.steps[i].target, p.steps[i].kind));
          }
        }
        const spur = search(rootNodes[i], target, statedOnly, new Set([...avoid, ...rootNodes.slice(0, -1)]), banned);
        if (!spur) continue;
        const nodes = [...rootNodes.slice(0, -1), ...spur.nodes], steps = [...rootSteps, ...spur.steps];
        const path = { nodes, steps, cost: round(rootSteps.reduce((sum, s) => sum + s.cost, 0) + spur.cost, 4) };
        const key = signature(path);
        if (!seen.has(key)) {
          seen.add(key);
          const acting = steps.filter((s) => s.kind === "acting appointment").length;
          candidates.push({ cost: path.cost, acting, n: steps.length, nodes, c: counter++, path });
        }
      }
      if (!candidates.size) return;
      const next = candidates.pop().path;
      found.push(next);
      yield next;
    }
  }

  // search.py, best_paths: k paths, with the career-path and stream constraints.
  function bestPaths(source, target, options = {}) {
    const k = options.k || 3, limit = 200;
    const avoid = new Set();
    const chosen = options.path ? data.paths[options.path] : null; // the career path called so (graph/viz/explorer.py)
    for (const [id, node] of Object.entries(D.nodes)) {
      if (options.avoidStream && node.kind === "position" && node.stream === options.avoidStream) avoid.add(id);
      if (chosen && node.path != null && node.path !== chosen) avoid.add(id); // the other paths' positions
    }
    if (source === target || avoid.has(source) || avoid.has(target)) return [];
    if (!options.assumedLevels) {  // positions whose level rests on an assumption: only as the start or the end
      for (const [id, node] of Object.entries(D.nodes)) if (node.assumed && id !== source && id !== target) avoid.add(id);
    }
    const found = [];
    let examined = 0;
    for (const path of allPaths(source, target, Boolean(options.statedOnly), avoid)) {
      found.push(path);
      if (found.length === k || ++examined === limit) break;
    }
    return found;
  }

  // Each step's gap as a person who walks the path sees it, less what an earlier step gave (graph/mobility/gap.py,
  // along_path): [{gain: [[skill, required]], deepen: [[skill, held, required]], earlier: [skill]}], skills by index.
  function alongPath(path) {
    const start = D.nodes[path.nodes[0]].profile;
    const held = new Map(start || []);
    return path.steps.map((step) => {
      const gain = [], deepen = [], earlier = [];
      for (const [skill, required, had] of D.details[step.detail].gap) {
        if (held.has(skill) && (required == null || (held.get(skill) || 0) >= required)) earlier.push(skill);
        else if (held.has(skill)) deepen.push([skill, held.get(skill), required]);
        else if (had == null) gain.push([skill, required]);
        else deepen.push([skill, had, required]);
      }
      for (const [skill, level] of D.nodes[step.target].profile || []) {
        const mine = held.get(skill);
        held.set(skill, !held.has(skill) ? level : level == null ? mine : Math.max(mine || 0, level));
      }
      return { gain, deepen, earlier };
    });
  }

  // A cost as the CLI prints it (graph/mobility/costs.py, format_cost): two decimals, halves up.
  const formatCost = (x) => x.toFixed(2);

  return { D, bestPaths, alongPath, formatCost };
}
if (typeof module !== "undefined") module.exports = { careersPathSearch };
