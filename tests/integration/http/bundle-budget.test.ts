import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/test-server.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const script = path.join(root, 'scripts/bundle-budget.mjs');

/** A build with a manifest: an entry, a board route and the editor it loads on demand. */
function fakeBuild(entryText: string): string {
  const { dir } = makeTempDir('budget');
  mkdirSync(path.join(dir, '.vite'), { recursive: true });
  mkdirSync(path.join(dir, 'assets'));
  const boardRoutes = [
    'src/features/slot-board/SlotBoardPage.tsx',
    'src/features/set-board/SetBoardPage.tsx',
    'src/features/meeting-board/MeetingBoardPage.tsx',
  ];
  const manifest: Record<string, unknown> = {
    'index.html': { file: 'assets/index.js', isEntry: true, css: ['assets/index.css'] },
    'editor.tsx': { file: 'assets/editor.js', isDynamicEntry: true },
  };
  for (const route of boardRoutes) {
    manifest[route] = {
      file: `assets/${path.basename(route, '.tsx')}.js`,
      isDynamicEntry: true,
      imports: ['index.html'],
      dynamicImports: ['editor.tsx'],
    };
    writeFileSync(path.join(dir, 'assets', `${path.basename(route, '.tsx')}.js`), 'export {};');
  }
  writeFileSync(path.join(dir, '.vite/manifest.json'), JSON.stringify(manifest));
  writeFileSync(path.join(dir, 'assets/index.js'), entryText);
  writeFileSync(path.join(dir, 'assets/index.css'), 'body{margin:0}');
  writeFileSync(path.join(dir, 'assets/editor.js'), 'const s="ProseMirror";');
  return dir;
}

async function budget(dist: string, env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('node', [script, '--dist', dist], {
      env: { ...process.env, ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('The bundle budget', () => {
  it('[AT-SP3] runs in `npm run check`, prints each page size, and fails when a page is over budget or a light page loads Yjs', async () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['check']).toContain('npm run budget');
    expect(pkg.scripts['budget']).toContain('scripts/bundle-budget.mjs');

    const small = fakeBuild('console.log("home");');
    const ok = await budget(small);
    expect(ok.code).toBe(0);
    expect(ok.output).toMatch(/home\s+JS\s+[\d.]+ KB of\s+150\.0 KB/);
    expect(ok.output).toMatch(/slot board\s+JS\s+[\d.]+ KB of\s+300\.0 KB/);

    // Random text does not compress: 2 KB of it is over a 1 KB budget.
    const random = Array.from({ length: 2000 }, () =>
      String.fromCharCode(33 + Math.floor(Math.random() * 90)),
    ).join('');
    const over = await budget(fakeBuild(`const x=${JSON.stringify(random)};`), {
      BUNDLE_BUDGET_LIGHT_KB: '1',
    });
    expect(over.code).toBe(1);
    expect(over.output).toMatch(/home\s+JS\s+[\d.]+ KB of\s+1\.0 KB.*OVER BUDGET/);
    expect(over.output).toContain('The bundle budget is exceeded');

    const heavy = await budget(fakeBuild('const m="Yjs was already imported";'));
    expect(heavy.code).toBe(1);
    expect(heavy.output).toContain('home loads Yjs up front');
  });
});
