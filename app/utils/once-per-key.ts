/**
 * A memo for one render or one call: `once(key, make)` runs `make` the first time `key` is asked
 * and answers the same value after that. For a list's repeated labels (a case type, a status, a
 * badge), translated once per distinct value rather than once per row (decisions 116, 138, 139).
 */
export function oncePerKey<V>(): (key: string, make: () => V) => V {
  const known = new Map<string, V>();
  return (key, make) => {
    if (known.has(key)) return known.get(key) as V;
    const value = make();
    known.set(key, value);
    return value;
  };
}
