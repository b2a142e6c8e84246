#!/usr/bin/env node
// The bundle budget: how much JavaScript each kind of page downloads before it can show anything,
// gzipped, from the client build's manifest (client/dist/.vite/manifest.json). Prints every page's
// sizes and exits 1 when a page is over its budget, or when a signed-out page would load Yjs or
// the editor. Run after `npm run build -w @setboard/client`; `npm run check` does both.
//
//   node scripts/bundle-budget.mjs [--dist client/dist]
//
// BUNDLE_BUDGET_LIGHT_KB / BUNDLE_BUDGET_BOARD_KB override the budgets (the test uses them).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1000;
// Signed-out pages (home, sign-in, invitation): no Yjs, no editor, no date library.
const LIGHT_BUDGET = Number(process.env.BUNDLE_BUDGET_LIGHT_KB ?? 150) * KB;
const BOARD_BUDGET = Number(process.env.BUNDLE_BUDGET_BOARD_KB ?? 300) * KB;

/** Text that only Yjs and the editor (ProseMirror) contain: the light pages must not load it. */
const HEAVY_MARKERS = [
  { name: 'Yjs', text: 'Yjs was already imported' },
  { name: 'the editor (ProseMirror)', text: 'ProseMirror' },
];

/** Pages and the route modules they load on top of the entry. */
const PAGES = [
  { name: 'home', routes: [], budget: LIGHT_BUDGET, light: true },
  { name: 'sign-in', routes: [], budget: LIGHT_BUDGET, light: true },
  { name: 'invitation', routes: [], budget: LIGHT_BUDGET, light: true },
  {
    name: 'slot board',
    routes: ['src/features/slot-board/SlotBoardPage.tsx'],
    budget: BOARD_BUDGET,
  },
  { name: 'set board', routes: ['src/features/set-board/SetBoardPage.tsx'], budget: BOARD_BUDGET },
  {
    name: 'meeting board',
    routes: ['src/features/meeting-board/MeetingBoardPage.tsx'],
    budget: BOARD_BUDGET,
  },
];

const distArg = process.argv.indexOf('--dist');
const dist = path.resolve(distArg > 0 ? process.argv[distArg + 1] : 'client/dist');
const manifestFile = path.join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestFile)) {
  console.error(`No build manifest at ${manifestFile}: run \`npm run build -w @setboard/client\`.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);

/** Every chunk a module loads before it runs: itself and its static imports, transitively. */
function staticClosure(keys, { dynamic = false } = {}) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
    if (dynamic) for (const imported of manifest[key].dynamicImports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...seen].map((key) => manifest[key]);
}

const gzipCache = new Map();
function gzipBytes(file) {
  if (!gzipCache.has(file)) {
    const text = readFileSync(path.join(dist, file));
    gzipCache.set(file, { gzip: gzipSync(text, { level: 9 }).length, text: text.toString() });
  }
  return gzipCache.get(file);
}

/** The report goes to stdout (it is the script's output, not a log). */
const print = (line) => process.stdout.write(`${line}\n`);
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
let failed = false;
print('First-load JavaScript per page (gzip -9), its CSS, and what it may load on demand after:');
for (const page of PAGES) {
  const chunks = staticClosure([entryKey, ...page.routes]);
  const missing = page.routes.filter((route) => !manifest[route]);
  if (missing.length > 0) {
    console.error(`  ${page.name}: ${missing.join(', ')} is not in the build`);
    failed = true;
    continue;
  }
  const jsFiles = chunks.map((chunk) => chunk.file).filter((file) => file.endsWith('.js'));
  const cssFiles = [...new Set(chunks.flatMap((chunk) => chunk.css ?? []))];
  const js = jsFiles.reduce((sum, file) => sum + gzipBytes(file).gzip, 0);
  const css = cssFiles.reduce((sum, file) => sum + gzipBytes(file).gzip, 0);
  // What the page goes on to load by itself (e.g. the editor, fetched while the page shows).
  const later = page.light
    ? 0
    : staticClosure(page.routes, { dynamic: true })
        .map((chunk) => chunk.file)
        .filter((file) => file.endsWith('.js') && !jsFiles.includes(file))
        .reduce((sum, file) => sum + gzipBytes(file).gzip, 0);
  const over = js > page.budget;
  const heavy = page.light
    ? HEAVY_MARKERS.filter((marker) => jsFiles.some((f) => gzipBytes(f).text.includes(marker.text)))
    : [];
  const verdict = over ? 'OVER BUDGET' : heavy.length > 0 ? 'LOADS TOO MUCH' : 'ok';
  print(
    `  ${page.name.padEnd(14)} JS ${kb(js).padStart(9)} of ${kb(page.budget).padStart(8)}` +
      `   CSS ${kb(css).padStart(8)}   ${String(jsFiles.length).padStart(2)} files` +
      `   later ≤ ${kb(later).padStart(8)}   ${verdict}`,
  );
  for (const marker of heavy) console.error(`    ${page.name} loads ${marker.name} up front`);
  if (over || heavy.length > 0) failed = true;
}
if (failed) {
  console.error('The bundle budget is exceeded (see above).');
  process.exit(1);
}
