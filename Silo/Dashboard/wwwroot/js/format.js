// Formatting of times, durations and numbers. Ages are computed against the server's "now" so a skewed browser
// clock does not make a fresh heartbeat look stale.

export function seconds(s) {
  if (s === null || s === undefined || Number.isNaN(s)) return '—';
  const a = Math.abs(s);
  const text = a < 1 ? `${Math.round(a * 1000)} ms` : a < 90 ? `${Math.round(a)} s` : a < 5400 ? `${Math.round(a / 60)} min`
    : a < 172800 ? `${(a / 3600).toFixed(1)} h` : `${Math.round(a / 86400)} d`;
  return text;
}

/** "12 s ago" / "in 4 min" relative to the server's now. */
export function when(iso, now) {
  if (!iso) return '—';
  const delta = (Date.parse(iso) - Date.parse(now)) / 1000;
  return delta > 0.5 ? `in ${seconds(delta)}` : `${seconds(-delta)} ago`;
}

export const age = (iso, now) => (iso ? seconds((Date.parse(now) - Date.parse(iso)) / 1000) : '—');

export const clock = iso => (iso ? new Date(iso).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—');

export const ms = x => (x === null || x === undefined ? '—' : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);

export const rate = x => (x === null || x === undefined ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(0));

export const count = x => (x === null || x === undefined ? '—' : Number(x).toLocaleString('en-US'));
