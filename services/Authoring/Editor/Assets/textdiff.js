// Word-level differences between two texts (Myers' O(ND) algorithm), for the revision history.
// Pure functions: tokens in, operations out.

const MAX_EDITS = 2000;

/** Words and the whitespace between them, so joining the tokens gives the text back. */
export const tokenize = (text) => String(text ?? '').split(/(\s+)/).filter((t) => t.length > 0);

/**
 * [{ op: 'same' | 'del' | 'ins', text }] turning `before` into `after`, adjacent runs merged.
 * Past MAX_EDITS differing tokens it gives up on detail and reports a whole replacement.
 */
export function diffWords(before, after) {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }

  const middle = myers(a.slice(start, endA), b.slice(start, endB)) ?? [
    ...a.slice(start, endA).map((text) => ({ op: 'del', text })),
    ...b.slice(start, endB).map((text) => ({ op: 'ins', text })),
  ];
  const ops = [
    ...a.slice(0, start).map((text) => ({ op: 'same', text })),
    ...middle,
    ...a.slice(endA).map((text) => ({ op: 'same', text })),
  ];
  return merge(ops);
}

function merge(ops) {
  const merged = [];
  for (const item of ops) {
    const last = merged[merged.length - 1];
    if (last && last.op === item.op) last.text += item.text;
    else merged.push({ ...item });
  }
  return merged;
}

function myers(a, b) {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((text) => ({ op: 'ins', text }));
  if (m === 0) return a.map((text) => ({ op: 'del', text }));
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace = [];
  for (let d = 0; d <= max; d++) {
    trace.push({ base: -d - 1, values: v.slice(offset - d - 1, offset + d + 2) });
    for (let k = -d; k <= d; k += 2) {
      let x = (k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b);
    }
  }
  return null;
}

function backtrack(trace, a, b) {
  const ops = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const snapshot = trace[d];
    const at = (k) => snapshot.values[k - snapshot.base];
    const k = x - y;
    const prevK = (k === -d || (k !== d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) { ops.push({ op: 'same', text: a[x - 1] }); x--; y--; }
    if (d > 0) {
      if (x === prevX) ops.push({ op: 'ins', text: b[y - 1] });
      else ops.push({ op: 'del', text: a[x - 1] });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/** Items removed from and added to a list, and those kept, in display order. */
export function diffList(before, after) {
  const from = Array.isArray(before) ? before.map(String) : [];
  const to = Array.isArray(after) ? after.map(String) : [];
  return [
    ...to.map((text) => ({ op: from.includes(text) ? 'same' : 'ins', text })),
    ...from.filter((text) => !to.includes(text)).map((text) => ({ op: 'del', text })),
  ];
}
