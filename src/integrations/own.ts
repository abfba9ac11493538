/** Own-property reads of the maps Keksi's decisions come from: what another script put on Object.prototype never counts. */

/** `map[key]` when it is the map's own property, else undefined. */
export const own = <T>(map: Record<string, T>, key: string): T | undefined => (Object.hasOwn(map, key) ? map[key] : undefined);
