// Import boundaries (`pnpm lint`, and the lint phase of `pnpm test`): the "may import" tables of
// server/README.md ("What lives where"), web/README.md ("Rooms in src/") and shared/README.md,
// each row turned into rules. A rule names the row it enforces; change the table and the rule
// together. Tests (`*.test.ts(x)`, `test/`, `test-utils/`) may reach across rooms to set things up
// and are left out of the room rules; the rules on packages (dexie, React) still apply to them.
const TESTS = '(\\.test\\.tsx?$|/test/|/test-utils/)';
const npm = (...names) => `node_modules/(${names.join('|')})/`;
const DATABASE = npm('kysely', 'pg', 'better-sqlite3', 'pg-boss', '@electric-sql/pglite');
const FASTIFY = npm('fastify', '@fastify/[^/]+', 'fastify-[^/]+', '@tus/[^/]+');
const REACT = npm('react', 'react-dom', 'react-i18next', '@testing-library/react');

/** A room of `root` may import nothing under `root` but the paths in `allowed` (regexes). */
const only = (name, comment, from, allowed, root) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: TESTS },
  to: { path: root, pathNot: `^(${allowed.join('|')})` },
});
/** What `from` may import from `to` only as types (`import type`: gone after compilation). */
const typesOnly = (name, comment, from, to) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: TESTS },
  to: { path: to, dependencyTypesNot: ['type-only'] },
});

const S = 'server/src/';
const W = 'web/src/';

module.exports = {
  forbidden: [
    // ---- shared/ (shared/README.md): pure rules and schemas, the same in the browser and on the server.
    {
      name: 'shared-imports-no-app',
      comment: 'shared/ is below web/ and server/: it imports nothing of theirs (nor of scripts/).',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(web|server|scripts)/' },
    },
    {
      name: 'shared-no-node-io',
      comment: 'shared/ has no I/O and runs in the browser: no Node built-in modules (node:fs, node:net, …).',
      severity: 'error',
      from: { path: '^shared/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-only-zod',
      comment: 'shared/ depends on zod and nothing else from npm (shared/package.json).',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: 'node_modules/', pathNot: npm('zod') },
    },

    // ---- server/ (server/README.md, "What lives where").
    only('server-main', 'src/main.ts may import `app` and `config`.', `^${S}main\\.ts$`, [`${S}(app|config|main)\\.ts$`], `^${S}`),
    only('server-cli', 'src/cli/ may import `config`, `services`, `store`, `blobs`.', `^${S}cli/`, [`${S}(cli|services|store|blobs)/`, `${S}config\\.ts$`], `^${S}`),
    only('server-config', 'src/config.ts is the bottom of the server: it imports no other room.', `^${S}config\\.ts$`, [`${S}config\\.ts$`], `^${S}`),
    {
      name: 'server-config-packages',
      comment: 'src/config.ts may import `zod` (and `@hsc/shared`) only.',
      severity: 'error',
      from: { path: `^${S}config\\.ts$` },
      to: { path: 'node_modules/', pathNot: npm('zod') },
    },
    only(
      'server-routes',
      'src/routes/ may import `services`, `http` (and `@hsc/shared`); never the store, blobs or jobs. Exceptions: `config` types; the tus route the `UploadArea` type.',
      `^${S}routes/`,
      [`${S}(routes|services|http)/`, `${S}config\\.ts$`, `${S}blobs/upload-area\\.ts$`],
      `^${S}`,
    ),
    typesOnly('server-routes-config-types', 'src/routes/ reads `config` for types only.', `^${S}routes/`, `^${S}config\\.ts$`),
    {
      name: 'server-routes-upload-area',
      comment: 'Only the tus route (routes/uploads.ts) sees the upload area, and only its type (it hands its DataStore to @tus/server).',
      severity: 'error',
      from: { path: `^${S}routes/`, pathNot: TESTS },
      to: { path: `^${S}blobs/upload-area\\.ts$`, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'server-routes-upload-area-only-tus',
      comment: 'Only the tus route (routes/uploads.ts) sees the upload area.',
      severity: 'error',
      from: { path: `^${S}routes/`, pathNot: `${TESTS}|^${S}routes/uploads\\.ts$` },
      to: { path: `^${S}blobs/upload-area\\.ts$` },
    },
    only(
      'server-services',
      'src/services/ may import `store` (not its migrations nor its adapters), `blobs` (interfaces), the `jobs` interface, `config` (its options); never `http`, `routes`, `app`.',
      `^${S}services/`,
      [`${S}(services|store|blobs)/`, `${S}jobs/(jobs|index)\\.ts$`, `${S}config\\.ts$`],
      `^${S}`,
    ),
    {
      name: 'server-services-store-interface',
      comment: 'Services do not open or migrate the database: not store/migrations.ts nor the adapters.',
      severity: 'error',
      from: { path: `^${S}services/`, pathNot: TESTS },
      to: { path: `^${S}store/(migrations|sqlite|postgres|index)\\.ts$` },
    },
    typesOnly('server-services-blob-interfaces', 'Services see blobs through their interfaces (types only).', `^${S}services/`, `^${S}blobs/`),
    {
      name: 'server-services-no-fastify',
      comment: 'Services never import Fastify (nor its plugins, nor tus).',
      severity: 'error',
      from: { path: `^${S}services/` },
      to: { path: FASTIFY },
    },
    {
      name: 'server-services-no-database',
      comment: 'Services reach the database through `store` only: no Kysely, drivers or pg-boss.',
      severity: 'error',
      from: { path: `^${S}services/` },
      to: { path: DATABASE },
    },
    {
      name: 'server-prom-client-in-metrics',
      comment: '`prom-client` is imported by services/metrics.ts only.',
      severity: 'error',
      from: { path: `^${S}`, pathNot: `^${S}services/metrics\\.ts$` },
      to: { path: npm('prom-client') },
    },
    only('server-store', 'src/store/ may import `config` types (and kysely, drivers, `@hsc/shared`); nothing above it.', `^${S}store/`, [`${S}store/`, `${S}config\\.ts$`], `^${S}`),
    typesOnly('server-store-config-types', 'src/store/ reads `config` for types only.', `^${S}store/`, `^${S}config\\.ts$`),
    only('server-blobs', 'src/blobs/ may import `store` (the Kysely handle) and `config` types.', `^${S}blobs/`, [`${S}(blobs|store)/`, `${S}config\\.ts$`], `^${S}`),
    typesOnly('server-blobs-config-types', 'src/blobs/ reads `config` for types only.', `^${S}blobs/`, `^${S}config\\.ts$`),
    only('server-jobs', 'src/jobs/ may import `store` (the Kysely handle) and `config` types.', `^${S}jobs/`, [`${S}(jobs|store)/`, `${S}config\\.ts$`], `^${S}`),
    typesOnly('server-jobs-config-types', 'src/jobs/ reads `config` for types only.', `^${S}jobs/`, `^${S}config\\.ts$`),
    only('server-http', 'src/http/ may import `services` (types, and the texts) and `config` types.', `^${S}http/`, [`${S}(http|services)/`, `${S}config\\.ts$`], `^${S}`),
    {
      name: 'server-http-services-types',
      comment: 'src/http/ sees services as types only, but for services/texts.ts (the words it answers with).',
      severity: 'error',
      from: { path: `^${S}http/`, pathNot: TESTS },
      to: { path: `^${S}services/`, pathNot: `^${S}services/texts\\.ts$`, dependencyTypesNot: ['type-only'] },
    },
    typesOnly('server-http-config-types', 'src/http/ reads `config` for types only.', `^${S}http/`, `^${S}config\\.ts$`),
    {
      name: 'server-database-below-services',
      comment: 'Kysely, the drivers and pg-boss are for store/, blobs/, jobs/, the CLI and app.ts.',
      severity: 'error',
      from: { path: `^${S}`, pathNot: `${TESTS}|^${S}(store|blobs|jobs|cli)/|^${S}app\\.ts$` },
      to: { path: DATABASE },
    },

    // ---- web/ (web/README.md, "Rooms in src/").
    {
      name: 'web-dexie-in-db',
      comment: 'Nothing but db/ imports dexie.',
      severity: 'error',
      from: { path: '^web/', pathNot: `^${W}db/` },
      to: { path: npm('dexie') },
    },
    {
      name: 'web-no-react-below-ui',
      comment: 'Nothing in db/, sync/ or capture/ imports React.',
      severity: 'error',
      from: { path: `^${W}(db|sync|capture)/`, pathNot: TESTS },
      to: { path: REACT },
    },
    only('web-db', 'db/ may import `@hsc/shared` only.', `^${W}db/`, [`${W}db/`], `^${W}`),
    only('web-sync', 'sync/ may import db/, capture/hash.ts, `@hsc/shared`.', `^${W}sync/`, [`${W}(sync|db)/`, `${W}capture/hash\\.ts$`], `^${W}`),
    only('web-capture', 'capture/ may import db/.', `^${W}capture/`, [`${W}(capture|db)/`], `^${W}`),
    only('web-transfer', 'transfer/ may import db/, capture/hash.ts, `@hsc/shared`.', `^${W}transfer/`, [`${W}(transfer|db)/`, `${W}capture/hash\\.ts$`], `^${W}`),
    only('web-trust', 'trust/ may import db/, i18n/, `@hsc/shared`; never ui/ (ui/ loads it).', `^${W}trust/`, [`${W}(trust|db|i18n)/`], `^${W}`),
    only('web-i18n', 'i18n/ may import the language files of shared/ only.', `^${W}i18n/`, [`${W}i18n/`], `^${W}`),
    only('web-pwa', 'pwa/ imports no other room.', `^${W}pwa/`, [`${W}pwa/`], `^${W}`),
    only(
      'web-ui',
      'ui/ may import db/, capture/, sync/client.ts + sync/progress.ts only, i18n/, pwa/update-store.ts; transfer/, trust/ and staff/ are loaded by dynamic import (see below).',
      `^${W}ui/`,
      [`${W}(ui|db|capture|i18n|transfer|trust|staff)/`, `${W}sync/(client|progress)\\.ts$`, `${W}pwa/update-store\\.ts$`],
      `^${W}`,
    ),
    {
      name: 'web-ui-lazy-rooms',
      comment: 'ui/ loads transfer/ and trust/ only by dynamic import (a type import is fine: it is gone after compilation).',
      severity: 'error',
      from: { path: `^${W}ui/`, pathNot: TESTS },
      to: { path: `^${W}(transfer|trust)/`, dependencyTypesNot: ['dynamic-import', 'type-only'] },
    },
    {
      name: 'web-ui-mounts-staff',
      comment: 'staff/ is mounted by ui/App.tsx alone, by dynamic import (never in a citizen\'s download).',
      severity: 'error',
      from: { path: `^${W}ui/`, pathNot: TESTS },
      to: { path: `^${W}staff/`, dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'web-ui-mounts-staff-from-app',
      comment: 'staff/ is mounted by ui/App.tsx alone.',
      severity: 'error',
      from: { path: `^${W}ui/`, pathNot: `${TESTS}|^${W}ui/App\\.tsx$` },
      to: { path: `^${W}staff/` },
    },
    only('web-staff', 'staff/ may import db/, i18n/, sync/client.ts, ui/, `@hsc/shared`.', `^${W}staff/`, [`${W}(staff|db|i18n|ui)/`, `${W}sync/client\\.ts$`], `^${W}`),

    // ---- Everywhere.
    {
      name: 'no-circular-between-rooms',
      comment:
        'No import cycle passes through two rooms (a room: a folder or root file of server/src or web/src). Type imports aside: they are gone after compilation. A cycle inside one room (a recursive form editor, two services that use each other) is that room\'s business.',
      severity: 'error',
      from: { path: '^(server/src|web/src)/([^/]+)', pathNot: TESTS },
      to: { circular: true, via: { pathNot: '^$1/$2(/|$)' }, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      // `virtual:` modules are made by Vite plugins; `node` is `/// <reference types="node" />`.
      to: { couldNotResolve: true, pathNot: '^(virtual:.*|node)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|coverage|dev-dist)/|^scripts/lint/fixtures/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
