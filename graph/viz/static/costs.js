// The cost of a move (graph/mobility/costs.py) and the skill gap it is made of (graph/mobility/gap.py), ported for the
// explorer's path search (pathsearch.js) and its skills first (reach.js), on the constants Python wrote into the page.
// Kept equal to Python by tests/test_pathsearch.py and tests/test_reach_page.py, which run both under Node.
"use strict";
function careersCosts(C, skillIds) {
  function compare(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  // Python's round(x, n): the decimal nearest the exact binary value, ties to even.
  function pyRound(x, n) {
    const exact = Math.abs(x).toFixed(100), dot = exact.indexOf(".");
    if (/^50*$/.test(exact.slice(dot + 1 + n))) {
      const down = Number(exact.slice(0, dot + 1 + n));
      const even = Number(exact[dot + n]) % 2 === 0;
      return Math.sign(x) * (even ? down : Number(Math.abs(x).toFixed(n)));
    }
    return Number(x.toFixed(n));
  }

  // A profile's [skill, level] items (skills by index into skillIds), in the order of the skills' ids, as Python sorts them.
  const byId = (items) => items.map(([skill, level]) => [skill, level]).sort((a, b) => compare(skillIds[a[0]], skillIds[b[0]]));

  // gap.py skill_gap: [skill, required, held or null] for the essential skills `need` (by id) that `have` (a Map) lacks
  function skillGap(have, need) {
    const gap = [];
    for (const [skill, required] of need) {
      if (!have.has(skill)) gap.push([skill, required, null]);
      else {
        const held = have.get(skill);
        if (required != null && held != null && held < required) gap.push([skill, required, held]);
      }
    }
    return gap;
  }

  // costs.py gap_weight, gain, left_behind, move_cost
  function gapWeight(gap, gainedOnly) {
    let total = 0;
    for (const [, required, held] of gap) {
      if (held == null) total += (required || C.unknownLevel) / 4;
      else if (!gainedOnly) total += (required - held) / 4;
    }
    return total;
  }
  const gain = (gap, size, gainedOnly) => (size ? C.gainScale * gapWeight(gap, gainedOnly) / size : 0);
  function leftBehind(have, used) {
    const weight = (level) => level || C.unknownLevel;
    let total = 0, kept = 0;
    for (const [skill, level] of have) {
      total += weight(level);
      if (used.has(skill)) kept += Math.min(weight(level), weight(used.get(skill)));
    }
    return total ? pyRound(1 - kept / total, 4) : 0;
  }
  function moveCost(kind, gap, size, left, penalty) {
    if (kind === "deployment") return pyRound(C.deployment + gain(gap, size, false) + C.leftWeight * left + penalty, 4);
    if (kind === "appointment") return pyRound(C.promotion + gain(gap, size, false) + C.leftWeight * left + penalty, 4);
    if (kind === "executive appointment") return pyRound(C.promotion + gain(gap, size, true) + penalty, 4);
    return pyRound(C.promotion + gain(gap, size, true) + C.leftWeight * left + penalty, 4);  // a promotion off one's own track
  }

  return { compare, pyRound, byId, skillGap, gapWeight, leftBehind, moveCost };
}
if (typeof module !== "undefined") module.exports = { careersCosts };
