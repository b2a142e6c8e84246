/**
 * Test support lives in `test-support/` folders beside the tests, and production code cannot
 * import it: the repository's own ESLint configuration says so. Linted as text at real paths,
 * so the rule is checked as it applies to each workspace.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../support/repository-scan.js';

const eslint = new ESLint({ cwd: REPOSITORY_ROOT });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPOSITORY_ROOT}/${filePath}` });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

const importing = (from: string) => `import { FRAN } from '${from}';\nexport const who = FRAN;\n`;

describe('test support stays out of production code', () => {
  it.each([
    ['shared/src/domain/meeting/agenda-probe.ts', './test-support/meeting-driver.js'],
    ['shared/src/domain/boards/probe.ts', '../meeting/test-support/meeting-driver.js'],
    ['client/src/live-meeting/probe.ts', './test-support/room-driver'],
    ['server/src/meetings/probe.ts', '../test-support/anything.js'],
  ])('production code at %s cannot import %s', async (filePath, from) => {
    expect(await restrictedImports(filePath, importing(from))).toEqual([
      expect.stringContaining('Production code never imports test support'),
    ]);
  });

  it.each([
    ['shared/src/domain/meeting/probe.test.ts', './test-support/meeting-driver.js'],
    ['shared/src/domain/meeting/test-support/probe.ts', './meeting-driver.js'],
    [
      'client/src/features/meeting/lib/probe.test.ts',
      '../../../live-meeting/test-support/room-driver',
    ],
  ])('a test or test support at %s may import %s', async (filePath, from) => {
    expect(await restrictedImports(filePath, importing(from))).toEqual([]);
  });
});
