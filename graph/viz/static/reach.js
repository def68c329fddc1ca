// Skills first in the page: the ranking of `careers reach` (graph/mobility/reach.py) and the skill that opens most
// doors, on the profiles, levels and cost constants Python wrote into the page (graph/viz/explorer.py, data.reach).
// The rules are Python's; this is their port, kept equal by tests/test_reach_page.py, which runs it under Node
// against the library on generated profiles (DOM-free for that reason).
"use strict";
function careersReach(data) {
  const R = data.reach, C = R.costs, skillIds = data.skillIds;
  const costsOf = typeof careersCosts === "function" ? careersCosts : require("./costs.js").careersCosts;
  const costs = costsOf(C, skillIds);
  const { compare, pyRound, byId, skillGap, gapWeight, leftBehind } = costs;
  const groups = R.groups.map(([essential, uses, kind, group, rank, level, targets]) => {
    const need = byId(data.profiles[essential]);
    return { need, size: need.length, uses: new Map(data.profiles[uses]), kind, group, rank, level, targets };
  });
  // reach.py: an entry from outside costs as an appointment on merit (the person shows what the position asks)
  const moveCost = (kind, gap, size, left) => costs.moveCost(kind === "entry" ? "appointment" : kind, gap, size, left, 0);

  // reach.py _kind: the one move a person at `level` makes into a group's positions, or null
  function kindOf(level, target, gap) {
    if (level == null) return "entry";
    const here = R.levels[level];
    if (!here) return null;
    if (target.level === R.above[level]) return "promotion";
    if (target.kind === "executive") {
      return target.rank === 1 && !R.executiveGroups.includes(here[0]) && here[1] === R.executiveEntryRank ? "executive appointment" : null;
    }
    if (target.level !== level) return null;
    return gapWeight(gap, false) <= C.deploymentCap ? "deployment" : "appointment";
  }

  function costed(person, level, some) {
    const out = [];
    for (const target of some || groups) {
      if (target.kind === "executive" && level == null) continue;
      const gap = skillGap(person, target.need);
      const kind = kindOf(level, target, gap);
      if (kind != null) out.push({ target, kind, gap, cost: moveCost(kind, gap, target.size, leftBehind(person, target.uses)) });
    }
    return out;
  }

  // `careers reach`: every position one move away, cheapest first, ties by id
  function reach(person, level) {
    const found = [];
    for (const { target, kind, gap, cost } of costed(person, level)) {
      const rule = R.rules[kind];
      for (const node of target.targets) found.push({ position: data.ids[node], node, kind, rule, cost, gap, level: target.level });
    }
    return found.sort((a, b) => a.cost - b.cost || compare(a.position, b.position));
  }

  // reach.py opening_skill: the skill, at a level, whose gain brings the most more positions within `within`. A
  // position that does not use the skill costs no less with it, so only those within reach before and those that use
  // it are costed again.
  const users = new Map();
  groups.forEach((group) => group.uses.forEach((_, skill) => { if (!users.has(skill)) users.set(skill, []); users.get(skill).push(group); }));
  function openingSkill(person, level, within) {
    const withinReach = (profile, some) => {
      const near = new Set();
      for (const { target, cost } of costed(profile, level, some)) if (cost <= within) target.targets.forEach((t) => near.add(t));
      return near;
    };
    const candidates = new Map(), nearBefore = new Set();
    for (const { target, gap, cost } of costed(person, level, groups)) {
      if (cost <= within) nearBefore.add(target);
      else for (const [skill, required] of gap) candidates.set(`${skill}|${required}`, [skill, required]);
    }
    const before = withinReach(person, nearBefore);
    const order = [...candidates.values()].sort((a, b) => compare(skillIds[a[0]], skillIds[b[0]]) || (a[1] || 0) - (b[1] || 0));
    let best = null;
    for (const [skill, need] of order) {
      const more = new Map(person);
      more.set(skill, Math.max(need || 0, person.get(skill) || 0) || need);
      const after = withinReach(more, new Set([...nearBefore, ...(users.get(skill) || [])]));
      if (after.size > before.size && (best == null || after.size > best.after)) {
        const positions = [...after].filter((t) => !before.has(t)).map((t) => data.ids[t]).sort(compare);
        best = { skill, level: need, within, before: before.size, after: after.size, positions };
      }
    }
    return best;
  }

  return { reach, openingSkill, pyRound };
}
if (typeof module !== "undefined") module.exports = { careersReach };
