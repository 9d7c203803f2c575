// Types of build.mjs, for the test that builds and starts the compiled server.
/** Where `pnpm build` and `pnpm start` put the compiled server. */
export declare const DIST: string;
/** True when an entry point has no compiled file in `outDir`, or a source changed after it was built. */
export declare function isStale(outDir?: string): boolean;
/** Compiles src/main.ts and src/cli/*.ts into `outDir` (default DIST; must be inside server/). */
export declare function buildServer(outDir?: string): Promise<void>;
