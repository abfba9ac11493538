/**
 * Every dynamic import of one of Keksi's chunks is written `chunk((_fetchChunk) => import(<the chunk's module>))`, so a
 * chunk that failed to load once (a network blip) is fetched again when it is next needed. Browsers keep
 * a failed import() of an address for the page's life (Firefox does), so a chunk that failed is asked for
 * at a new address, `<chunk>?<time>`, from then on (a query, not a fragment: Firefox never settled an import() of a fragment address after the module had failed for its type or its syntax); the one map of moved addresses is here, in the core,
 * so every chunk asks for a chunk at the same address and none is evaluated twice.
 *
 * On the module build rollup renders each such `import(<the chunk's module>)` as `_fetchChunk(<the chunk's address>)`
 * (rollup.config.mjs, `chunkAddresses`); elsewhere (keksi-rest.js, which inlines every chunk, and the
 * browser tests) the import() stays, and `_fetchChunk` is not used.
 */
const moved: Record<string, string> = {};

export const chunk = <T>(load: (_fetchChunk: (url: string) => Promise<unknown>) => Promise<T>): Promise<T> =>
  load((url) =>
    import(moved[url] || url).catch((error) => {
      moved[url] = url + '?' + Date.now();
      throw error;
    }),
  );
