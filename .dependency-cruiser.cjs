/**
 * The server's layers and the rule against import cycles (docs/architecture.md, "Layers"),
 * checked by `npm run check:deps` (part of `npm run check:static`).
 *
 * Each tier of the server may import the tiers below it, never one above. Peers in one tier may
 * import each other unless a rule below says otherwise; cycles are refused everywhere (server,
 * shared and client). ESLint keeps the rules about packages (no Node in shared/ or the client,
 * client features never import each other, production never imports test support).
 */
const SERVER = '^server/src/';
/** An npm package, wherever the workspace installed it. */
const PACKAGE = '(^|/)node_modules/';

/** Top to bottom. A tier's `paths` are regular expressions under server/src/. */
const TIERS = [
  {
    name: 'entry',
    what: 'the entry points and their configuration',
    paths: ['main\\.ts$', 'admin\\.ts$', 'index\\.ts$', 'config\\.ts$', 'open-store\\.ts$'],
  },
  { name: 'app', what: 'the wiring of one app', paths: ['app\\.ts$'] },
  { name: 'transport', what: 'HTTP and realtime', paths: ['http/', 'realtime/'] },
  {
    name: 'features',
    what: 'features built on boards and meetings',
    paths: ['bookings/', 'calendar/', 'display/', 'metrics/', 'privacy/', 'record/', 'reminders/'],
  },
  { name: 'boards', what: 'boards and their write gate', paths: ['boards/'] },
  { name: 'meetings', what: 'meeting records and time', paths: ['meetings/'] },
  { name: 'access', what: 'people, sets, sessions and links', paths: ['access/'] },
  {
    name: 'base',
    what: 'the Store port and its adapters, mail and the logger',
    paths: ['store/', 'mail/', 'logger\\.ts$'],
  },
];

const pathsOf = (tier) => tier.paths.map((path) => SERVER + path);

/** One rule per tier: nothing it holds imports a tier above it. */
const upwardImports = TIERS.slice(1).map((tier, index) => {
  const above = TIERS.slice(0, index + 1);
  return {
    name: `layers: ${tier.name} imports upward`,
    severity: 'error',
    comment:
      `server tier "${tier.name}" (${tier.what}) imports from a tier above it ` +
      `(${above.map((upper) => upper.name).join(', ')}). Dependencies point down: ` +
      'main → app → {http, realtime} → features → boards → meetings → access → store → shared. ' +
      'Move what both need down, or let the lower tier own a port the upper one fills ' +
      '(docs/architecture.md, "Layers").',
    from: { path: pathsOf(tier) },
    to: { path: above.flatMap(pathsOf) },
  };
});

const peerRule = (name, from, to, comment) => ({
  name,
  severity: 'error',
  comment,
  from: { path: SERVER + from },
  to: { path: SERVER + to },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'This import closes a cycle (the path is listed). Break it by moving the types or ' +
        'constants both sides need into a module of their own, below both.',
      from: {},
      to: { circular: true },
    },
    ...upwardImports,
    peerRule(
      'layers: http imports realtime',
      'http/',
      'realtime/',
      'http/ and realtime/ are peers that never import each other: app.ts wires them together.',
    ),
    peerRule(
      'layers: realtime imports http',
      'realtime/',
      'http/',
      'http/ and realtime/ are peers that never import each other: app.ts wires them together.',
    ),
    peerRule(
      'layers: store imports mail',
      'store/',
      '(mail/|logger\\.ts$)',
      'The store knows nothing but the shared protocol: no mail, no logger.',
    ),
    peerRule(
      'layers: mail imports store',
      'mail/',
      'store/',
      'mail/ composes and sends messages; it does not read the store.',
    ),
    {
      name: 'layers: store adapter outside the entry points',
      severity: 'error',
      comment:
        'Only open-store.ts (and the store itself) picks an adapter: everything else uses the ' +
        'Store port (server/src/store/store.ts).',
      from: { path: SERVER, pathNot: [`${SERVER}store/`, `${SERVER}open-store\\.ts$`] },
      to: { path: `${SERVER}store/(sqlite|redis)/` },
    },
    {
      name: 'packages: web framework below the transport tier',
      severity: 'error',
      comment:
        'Express, Socket.IO, ws and helmet belong to http/ and realtime/ (and app.ts, which ' +
        'wires them): the tiers below know nothing of how requests arrive.',
      from: { path: TIERS.slice(3).flatMap(pathsOf) },
      to: { path: `${PACKAGE}(express|socket\\.io|ws|helmet|pino-http|@socket\\.io/[^/]+)/` },
    },
    {
      name: 'packages: database driver outside the store',
      severity: 'error',
      comment:
        'Only the store (and open-store.ts, which opens it) talks to SQLite or Redis: ' +
        'everything else uses the Store port (server/src/store/store.ts).',
      from: { path: SERVER, pathNot: [`${SERVER}store/`, `${SERVER}open-store\\.ts$`] },
      to: { path: `${PACKAGE}(ioredis|better-sqlite3|@socket\\.io/redis-streams-adapter)/` },
    },
    {
      name: 'layers: shared imports server or client',
      severity: 'error',
      comment: 'shared/ depends on nothing of ours: the server and the client depend on it.',
      from: { path: '^shared/src/' },
      to: { path: '^(server|client)/' },
    },
    {
      name: 'layers: client imports server',
      severity: 'error',
      comment: 'The client talks to the server over the wire, never by import.',
      from: { path: '^client/src/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    // Type-only imports count: a cycle of types is still two modules that cannot be read apart.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
