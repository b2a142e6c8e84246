/**
 * [AT-TD2] The repository explains itself. A test name's ids lead to their definitions: `AT-`
 * ids to docs/acceptance.md, rule ids to docs/protocol.md, and each acceptance id to test files
 * that exist and cite it. No source or doc file names a file outside the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  REPOSITORY_ROOT,
  citedIds,
  definedIds,
  isTestFile,
  outsideReferences,
  repositoryFiles,
  testNames,
  undefinedCitations,
} from '../../support/repository-scan.js';

const files = repositoryFiles();
const testFiles = files.filter((file) => isTestFile(file.path));
const markdownFiles = files.filter((file) => file.path.endsWith('.md')).map((file) => file.path);
const doc = (path: string) => readFileSync(join(REPOSITORY_ROOT, path), 'utf8');
const acceptance = definedIds(doc('docs/acceptance.md'));
const protocol = definedIds(doc('docs/protocol.md'));

describe('[AT-TD2] ids and references', () => {
  it('[AT-TD2] the scan reads the tests it should (names and ids of every kind)', () => {
    const cited = new Set(testFiles.flatMap((file) => testNames(file.text).flatMap(citedIds)));
    expect(testFiles.length).toBeGreaterThan(50);
    for (const id of ['AT-A1', 'AT-C4', 'AT-TD2', 'C3', 'Y3', 'M10', 'W12']) {
      expect(cited, id).toContain(id);
    }
    expect(protocol).toContain('G1');
    expect(acceptance).toContain('AT-D6');
  });

  it('[AT-TD2] every id cited in a test name is defined in docs/acceptance.md or docs/protocol.md', () => {
    expect(undefinedCitations(testFiles, acceptance, protocol)).toEqual([]);
  });

  it('[AT-TD2] an acceptance id that is not listed, or a rule that does not exist, is found', () => {
    // Built from pieces, so the scan of this very file does not read them as test names.
    const call = (head: string, name: string) => `${head}(${name}, () => {});`;
    const fixture = {
      path: 'tests/integration/fixture.test.ts',
      text: [
        call('it', "'[AT-C4][M3] a listed id and a real rule'"),
        call('it.each(rows)', '`[AT-ZZ9] an id nobody listed: $row`'),
        call('describe.skipIf(!redis)', "'[Q99] a rule that does not exist'"),
        call('test', "\n  '[C4] an acceptance id without its prefix, where C4 is no rule'"),
      ].join('\n'),
    };
    const ids = undefinedCitations([fixture], acceptance, new Set(['M3', 'C3']));
    expect(ids.map((found) => found.id)).toEqual(['AT-ZZ9', 'Q99', 'C4']);
  });

  it('[AT-TD2] every acceptance id lists test files that exist and cite it', () => {
    const rows = doc('docs/acceptance.md').matchAll(/^\|\s*(AT-[A-Z]+\d+)\s*\|.*\|(.*)\|\s*$/gm);
    const byPath = new Map(testFiles.map((file) => [file.path, file]));
    for (const [, id, cell] of rows) {
      const paths = [...cell!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
      expect(paths.length, id).toBeGreaterThan(0);
      for (const path of paths) expect(byPath.has(path), `${id}: ${path}`).toBe(true);
      const citing = paths.filter((path) =>
        testNames(byPath.get(path)?.text ?? '').some((name) => citedIds(name).includes(id!)),
      );
      expect(citing, `${id} is cited by a test in ${paths.join(', ')}`).not.toEqual([]);
    }
  });

  it('[AT-TD2] no source or doc file names a file outside the repository', () => {
    expect(files.flatMap((file) => outsideReferences(file, markdownFiles))).toEqual([]);
  });

  it('[AT-TD2] a briefing document, a path above the root or a machine path is found', () => {
    const briefing = `${['DES', 'IGN'].join('')}.md`;
    const fixture = {
      path: 'server/src/example.ts',
      text: [
        `// see ${briefing} for why`,
        "import { x } from '../../../elsewhere/x.js';",
        "import { y } from '../inside.js';",
        `// copied from ${['', 'home', 'someone', 'notes.txt'].join('/')}`,
        `// the rules are in docs/protocol.md and docs/${'missing'}.md`,
      ].join('\n'),
    };
    const findings = outsideReferences(fixture, ['docs/protocol.md']);
    expect(findings).toEqual([
      expect.stringContaining(`server/src/example.ts:1 names a document outside`),
      expect.stringContaining(`server/src/example.ts:1 names ${briefing}`),
      expect.stringContaining('server/src/example.ts:2 points outside the repository'),
      expect.stringContaining('server/src/example.ts:4 names a machine path'),
      expect.stringContaining(`server/src/example.ts:5 names docs/${'missing'}.md`),
    ]);
  });
});
