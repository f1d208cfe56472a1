/**
 * Number and unit formatting for the report's text: SI-prefixed rates, times in ns/µs/ms,
 * binary byte sizes, percentages and distributions, all as plain strings (callers escape them).
 */
export { formatDist } from '../sim/dist/index.js';

const SI = [
  { factor: 1e12, prefix: 'T' },
  { factor: 1e9, prefix: 'G' },
  { factor: 1e6, prefix: 'M' },
  { factor: 1e3, prefix: 'k' },
];

/** 12345 → "12.3 k", 980 → "980"; three significant digits, space before the prefix. */
export function formatSi(value: number, digits = 3): string {
  const magnitude = Math.abs(value);
  for (const { factor, prefix } of SI) {
    if (magnitude >= factor * 0.9995) return `${trim(value / factor, digits)} ${prefix}`;
  }
  return trim(value, digits);
}

function trim(value: number, digits: number): string {
  if (value === 0) return '0';
  return String(Number(value.toPrecision(digits)));
}

/** nanoseconds → "700 ns", "52.4 µs", "1.2 ms", "3.4 s" */
export function formatNs(ns: number): string {
  const magnitude = Math.abs(ns);
  if (magnitude >= 1e9) return `${trim(ns / 1e9, 3)} s`;
  if (magnitude >= 1e6) return `${trim(ns / 1e6, 3)} ms`;
  if (magnitude >= 1e3) return `${trim(ns / 1e3, 3)} µs`;
  return `${trim(ns, 3)} ns`;
}

/** bytes → "1 MiB", "256 KiB", "1.5 GiB", "300 B" */
export function formatBytes(bytes: number): string {
  const units = ['GiB', 'MiB', 'KiB'];
  for (let i = 0; i < units.length; i++) {
    const factor = 1024 ** (3 - i);
    if (Math.abs(bytes) >= factor) return `${trim(bytes / factor, 3)} ${units[i]}`;
  }
  return `${trim(bytes, 3)} B`;
}

/** fraction → "42.1%" */
export function formatPct(fraction: number, digits = 3): string {
  return `${trim(fraction * 100, digits)}%`;
}

/** a rate with its CI half-width: "18.6 k ± 220 allocs/s" */
export function formatMeanCi(mean: number, ci95: number, unit: string): string {
  return `${formatSi(mean)} ± ${formatSi(ci95, 2)} ${unit}`;
}

/**
 * A scenario parameter's value in the unit its name carries (sizeBytes, holdNs, clearGBps):
 * "512 KiB", "300 µs", "30 GB/s"; other values (fractions, counts) as plain SI numbers.
 */
export function formatParameter(path: string, value: number): string {
  if (/Bytes$/.test(path)) return formatBytes(value);
  if (/Ns$/.test(path)) return formatNs(value);
  if (/GBps$/.test(path)) return `${formatSi(value)} GB/s`;
  return formatSi(value);
}

/** a signed change with one decimal: "+96.3%", "−0.4%", "0%" (a true minus sign) */
export function formatChange(fraction: number): string {
  if (fraction === 0) return '0%';
  const text = `${Math.abs(fraction * 100).toFixed(1)}%`;
  return fraction > 0 ? `+${text}` : `−${text}`;
}

/** "a", "a and b", "a, b and c" */
export function joinWords(parts: string[]): string {
  return parts.length <= 1
    ? parts.join('')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
