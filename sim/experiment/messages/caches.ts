// Problems with machine.memory.caches: levels from the core outwards, each larger than the one before.

export function cacheNotLarger(bytes: number, previousIndex: number, previousBytes: number): string {
  return `${bytes} is not larger than caches[${previousIndex}].bytes (${previousBytes})`;
}
export const expectedCacheBytesIncreasing =
  'each level larger than the one before it, from the core outwards';

export function privateAfterShared(sharedIndex: number): string {
  return `a private level after the shared level caches[${sharedIndex}]`;
}
export const expectedPrivateFirst = 'private levels first, then shared ones, from the core outwards';

export const privateWithTotal = 'a private level has no total: each core has its own';
export const sharedWithoutTotal = 'missing on a shared level';
export const expectedTotalOnSharedOnly = 'totalGBps on every shared level, and only there';

export const sharedWithRemote = 'a shared level holds every core’s bytes alike';
export const expectedRemoteOnPrivateOnly = 'remoteGBps on private levels only';

export const expectedCacheName =
  'a name of letters, digits, "_" and "-" that starts with a letter, e.g. "l2"';

export function duplicateCacheName(name: string, firstIndex: number): string {
  return `"${name}" is the name of caches[${firstIndex}] already`;
}
export const expectedDistinctCacheNames = 'a distinct name for each level, other than "dram"';
