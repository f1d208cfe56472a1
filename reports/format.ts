/**
 * Number and unit formatting for the report's text and the CLI's stdout (the one place numbers
 * become text): SI-prefixed rates, times in ns/µs/ms, binary byte sizes, percentages, ratios, fit
 * coefficients and distributions, all as plain strings (callers escape them).
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
  const units = ['PiB', 'TiB', 'GiB', 'MiB', 'KiB'];
  for (let i = 0; i < units.length; i++) {
    const factor = 1024 ** (units.length - i);
    if (Math.abs(bytes) >= factor) return `${trim(bytes / factor, 3)} ${units[i]}`;
  }
  return `${trim(bytes, 3)} B`;
}

/** a throughput: 18581.7 → "18.6 k allocs/s" */
export function formatAllocsRate(allocsPerSec: number): string {
  return `${formatSi(allocsPerSec)} allocs/s`;
}

/** fraction → "42.1%" */
export function formatPct(fraction: number, digits = 3): string {
  return `${trim(fraction * 100, digits)}%`;
}

/** fraction → "34%", rounded to a whole percent */
export function formatWholePct(fraction: number): string {
  return `${Math.round(100 * fraction)}%`;
}

/** a signed share to significant digits, with a true minus: 0.963 → "+96%", −0.33 → "−33%" (digits 2) */
export function formatSignedPct(fraction: number, digits = 3): string {
  return `${fraction >= 0 ? '+' : '−'}${formatPct(Math.abs(fraction), digits)}`;
}

/** a signed share with fixed decimals, as tables and stdout align them: 0.0123 → "+1.23%", −0.004 → "-0.40%" */
export function formatSignedPctFixed(fraction: number, decimals: number): string {
  return `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(decimals)}%`;
}

/** a ratio of two throughputs with one decimal: 9.21 → "9.2×" */
export function formatTimes(ratio: number): string {
  return `${ratio.toFixed(1)}×`;
}

/** a count with thousands separators: 1234567 → "1,234,567" */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** a number with fixed decimals (core counts of a fit, R²): formatFixed(0.98765, 4) → "0.9877" */
export function formatFixed(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** USL σ and κ: three significant digits, exponent form below 0.001 so small κ stays readable. */
export function formatCoefficient(value: number): string {
  if (value === 0) return '0';
  return Math.abs(value) >= 1e-3 ? String(Number(value.toPrecision(3))) : value.toExponential(2);
}

/** The prefixes of the CLI's compact numbers, largest first. */
const COMPACT_UNITS: Array<[number, string]> = [
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/**
 * The CLI's compact mean ± CI, the CI in the mean's unit and precision so columns line up:
 * 48213, 312 → "48.2k ±0.3k"; 950, 9.5 → "950 ±10".
 */
export function formatCompactMeanCi(mean: number, ci95: number): string {
  const [scale, suffix] = COMPACT_UNITS.find(([size]) => Math.abs(mean) >= size * 0.9995) ?? [1, ''];
  const scaled = mean / scale;
  const decimals = Math.abs(scaled) >= 99.95 ? 0 : Math.abs(scaled) >= 9.995 ? 1 : 2;
  return `${scaled.toFixed(decimals)}${suffix} ±${(ci95 / scale).toFixed(decimals)}${suffix}`;
}

/** The SI prefix a magnitude is shown in (none below 1000). */
function siPrefix(magnitude: number): { factor: number; prefix: string } {
  return SI.find(({ factor }) => magnitude >= factor * 0.9995) ?? { factor: 1, prefix: '' };
}

/** Decimals that show `value` to three significant digits (as formatSi does): 1.16 → 2, 47.3 → 1, 746 → 0. */
function decimalsOf(value: number, digits = 3): number {
  if (value === 0) return 0;
  const shown = Number(Math.abs(value).toPrecision(digits));
  return Math.max(0, digits - 1 - Math.floor(Math.log10(shown)));
}

/** A CI half-width to the mean's decimals; "0" when it rounds away. */
function ciText(ci95: number, decimals: number): string {
  const text = Math.abs(ci95).toFixed(decimals);
  return Number(text) === 0 ? '0' : text;
}

/**
 * A mean with its CI half-width, both in the mean's unit and the CI rounded to the mean's precision,
 * so float noise never shows: "18.6 k ± 0.3 k allocs/s", "1.16 k ± 0 allocs/s" (a CI below the last
 * digit shown), "980 ± 12 allocs/s".
 */
export function formatMeanCi(mean: number, ci95: number, unit: string): string {
  const { factor, prefix } = siPrefix(Math.max(Math.abs(mean), Math.abs(ci95)));
  const decimals = decimalsOf(mean / factor);
  const ci = ciText(ci95 / factor, decimals);
  const meanText = `${trim(mean / factor, 3)}${prefix ? ` ${prefix}` : ''}`;
  const ciWithUnit = ci === '0' ? ci : `${ci}${prefix ? ` ${prefix}` : ''}`;
  return `${meanText} ± ${ciWithUnit}${unit ? ` ${unit}` : ''}`;
}

/** A share with its CI half-width, rounded alike: "97.7% ± 0.1%", "100% ± 0" (no 6.9e-15% of noise). */
export function formatPctMeanCi(mean: number, ci95: number): string {
  const ci = ciText(ci95 * 100, decimalsOf(mean * 100));
  return `${formatPct(mean)} ± ${ci === '0' ? ci : `${ci}%`}`;
}

/** bytes per second in binary units: 1.25e13 → "11.4 TiB/s" */
export function formatBytesRate(bytesPerSec: number): string {
  return `${formatBytes(bytesPerSec)}/s`;
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

/** "a", "a; and b", "a; b; and c": for parts that hold commas of their own */
export function joinClauses(parts: string[]): string {
  return parts.length <= 1
    ? parts.join('')
    : `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]}`;
}
