// `npm run admin -- <command>`: the operator's command line (server/src/admin.ts), on the same
// store as the server (the same environment: DATA_DIR or REDIS_URL). Builds the server bundle
// first if it is missing or older than its sources, as `npm start` does.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'server/dist/admin.js');

function newestUnder(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestUnder(path.join(root, 'server/src')),
  newestUnder(path.join(root, 'shared/src')),
);
if (!existsSync(bundle) || statSync(bundle).mtimeMs < sources) {
  const built = spawnSync('npm', ['run', 'build', '-w', '@setboard/server'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const result = spawnSync(process.execPath, [bundle, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
