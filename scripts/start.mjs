// `npm start`: builds whatever is missing or older than its sources, then serves the app
// (SQLite by default, nothing else to install). Configuration comes from the environment;
// see README.md.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of the given files, and of any file under the given folders. */
function newestSource(paths) {
  let newest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    if (!statSync(dir).isDirectory()) {
      newest = Math.max(newest, statSync(dir).mtimeMs);
      return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  paths.forEach((entry) => walk(path.join(root, entry)));
  return newest;
}

function isStale(output, sourceFolders) {
  const file = path.join(root, output);
  return !existsSync(file) || statSync(file).mtimeMs < newestSource(sourceFolders);
}

function build(workspace, what) {
  process.stdout.write(`Building the ${what}…\n`);
  const result = spawnSync('npm', ['run', 'build', '-w', workspace], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (isStale('client/dist/index.html', ['client/src', 'client/index.html', 'shared/src'])) {
  build('@setboard/client', 'client');
}
if (isStale('server/dist/main.js', ['server/src', 'shared/src'])) {
  build('@setboard/server', 'server');
}

const server = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.js'], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
