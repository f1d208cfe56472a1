// Dot paths into the scenario ("machine.memory.totalClearGBps"), as --vary, the sensitivity study and
// the report's what-if views name its fields: one reader and one copying writer for all of them.

/**
 * The value at a dot path, walking own keys of objects (never a list on the way); undefined when
 * some key is not there.
 */
export function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, key)) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A deep copy of `root` with the value at a dot path set; every key but the last must be there. */
export function withValueAt<T>(root: T, path: string, value: unknown): T {
  const copy = structuredClone(root);
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
  return copy;
}
