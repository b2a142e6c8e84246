/**
 * [AT-TD1] The dependency check (.dependency-cruiser.cjs, `npm run check:deps`) holds the layers
 * of docs/architecture.md: a deliberately wrong import in each zone, written to a small copy of
 * the repository's layout in a temporary folder, is refused by the rule that names it; imports
 * that point down are not; and the real tree passes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, format, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../support/repository-scan.js';

const ROOTS = ['shared/src', 'server/src', 'client/src'];

/** A module importing each of `targets` (paths as written in an import). */
const importing = (...targets: string[]) =>
  targets.map((target, index) => `import * as m${index} from '${target}';`).join('\n') +
  `\nexport const probe = [${targets.map((_, index) => `m${index}`).join(', ')}];\n`;

/** Each wrong import: the file, what it imports, and the rule that must refuse it. */
const WRONG: Array<[file: string, target: string, rule: string]> = [
  ['server/src/store/probe.ts', '../access/sets.js', 'layers: base imports upward'],
  ['server/src/store/logs.ts', '../logger.js', 'layers: store imports mail'],
  ['server/src/mail/probe.ts', '../store/store.js', 'layers: mail imports store'],
  ['server/src/access/probe.ts', '../meetings/meeting-service.js', 'layers: access imports upward'],
  ['server/src/meetings/probe.ts', '../boards/stored-board.js', 'layers: meetings imports upward'],
  [
    'server/src/boards/probe.ts',
    '../realtime/yjs/doc-registry.js',
    'layers: boards imports upward',
  ],
  ['server/src/privacy/probe.ts', '../http/route.js', 'layers: features imports upward'],
  ['server/src/http/probe.ts', '../realtime/socket-server.js', 'layers: http imports realtime'],
  ['server/src/realtime/probe.ts', '../http/route.js', 'layers: realtime imports http'],
  ['server/src/realtime/wiring.ts', '../app.js', 'layers: transport imports upward'],
  ['server/src/app.ts', './admin.js', 'layers: app imports upward'],
  [
    'server/src/boards/adapter.ts',
    '../store/sqlite/sqlite-store.js',
    'layers: store adapter outside the entry points',
  ],
  ['server/src/meetings/web.ts', 'express', 'packages: web framework below the transport tier'],
  ['server/src/access/driver.ts', 'ioredis', 'packages: database driver outside the store'],
  [
    'shared/src/probe.ts',
    '../../server/src/store/store.js',
    'layers: shared imports server or client',
  ],
  ['client/src/probe.ts', '../../server/src/store/store.js', 'layers: client imports server'],
];

/** Imports that point down (or sideways where allowed): none is refused. */
const RIGHT: Array<[file: string, targets: string[]]> = [
  ['server/src/main.ts', ['./app.js', './open-store.js']],
  ['server/src/open-store.ts', ['./store/sqlite/sqlite-store.js', 'ioredis']],
  ['server/src/realtime/fine.ts', ['../boards/stored-board.js', '../privacy/doc-rewrite.js']],
  ['server/src/record/fine.ts', ['../privacy/doc-rewrite.js', '../boards/stored-board.js']],
  ['server/src/boards/fine.ts', ['../meetings/meeting-service.js', '../access/sets.js']],
  ['server/src/access/fine.ts', ['../store/store.js', '../mail/mailer.js', '../logger.js']],
  ['server/src/store/fine.ts', ['./store.js', '@setboard/shared']],
  ['client/src/fine.ts', ['@setboard/shared']],
];

/** Modules that only exist to be imported. */
const TARGETS = [
  'server/src/admin.ts',
  'server/src/logger.ts',
  'server/src/access/sets.ts',
  'server/src/meetings/meeting-service.ts',
  'server/src/boards/stored-board.ts',
  'server/src/realtime/yjs/doc-registry.ts',
  'server/src/realtime/socket-server.ts',
  'server/src/http/route.ts',
  'server/src/privacy/doc-rewrite.ts',
  'server/src/store/store.ts',
  'server/src/store/sqlite/sqlite-store.ts',
  'server/src/mail/mailer.ts',
  'shared/src/index.ts',
];

let copy: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(copy, path)), { recursive: true });
  writeFileSync(join(copy, path), text);
}

async function check(baseDir: string): Promise<ICruiseResult> {
  const options: ICruiseOptions = await extractDepcruiseOptions(
    join(REPOSITORY_ROOT, '.dependency-cruiser.cjs'),
  );
  const reported = await cruise(ROOTS, { ...options, baseDir, outputType: 'json' });
  return typeof reported.output === 'string'
    ? (JSON.parse(reported.output) as ICruiseResult)
    : reported.output;
}

const refusals = (result: ICruiseResult) =>
  result.summary.violations.map((violation) => ({
    from: violation.from,
    rule: violation.rule.name,
  }));

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'setboard-layers-'));
  for (const target of TARGETS) write(target, 'export const value = 1;\n');
  for (const [file, targets] of RIGHT) write(file, importing(...targets));
  for (const [file, target] of WRONG) write(file, importing(target));
  // A cycle in each workspace that allows folders to import each other.
  write('server/src/realtime/ping.ts', importing('./pong.js'));
  write('server/src/realtime/pong.ts', importing('./ping.js'));
  write('client/src/ping.ts', importing('./pong'));
  write('client/src/pong.ts', importing('./ping'));
  // The packages and the workspace link, as npm installs them.
  for (const name of ['express', 'ioredis']) {
    write(`node_modules/${name}/package.json`, JSON.stringify({ name, main: 'index.js' }));
    write(`node_modules/${name}/index.js`, 'module.exports = {};\n');
  }
  write(
    'node_modules/@setboard/shared/package.json',
    JSON.stringify({ name: '@setboard/shared', exports: { '.': './index.ts' } }),
  );
  write('node_modules/@setboard/shared/index.ts', 'export const value = 1;\n');
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('[AT-TD1] the dependency check', () => {
  it('[AT-TD1] refuses a wrong import in each zone with the rule that names it', async () => {
    const found = refusals(await check(copy));
    for (const [file, , rule] of WRONG) expect(found, file).toContainEqual({ from: file, rule });
    // A cycle is reported once, from one of its modules.
    const cycles = found.filter(({ rule }) => rule === 'no-circular').map(({ from }) => from);
    expect(cycles.map((from) => dirname(from)).sort()).toEqual([
      'client/src',
      'server/src/realtime',
    ]);
    const right = new Set(RIGHT.map(([file]) => file));
    expect(found.filter(({ from }) => right.has(from))).toEqual([]);
  });

  it('[AT-TD1] says why, in words, for each refusal', async () => {
    const { output } = await format(await check(copy), { outputType: 'err-long' });
    expect(output).toContain(
      'server/src/boards/probe.ts → server/src/realtime/yjs/doc-registry.ts',
    );
    expect(output).toContain('let the lower tier own a port the');
    expect(output).toContain('This import closes a cycle');
  });

  it('[AT-TD1] passes on the tree', { timeout: 120_000 }, async () => {
    expect(refusals(await check(REPOSITORY_ROOT))).toEqual([]);
  });
});
