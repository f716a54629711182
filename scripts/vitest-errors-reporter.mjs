// A vitest reporter for `npm test`'s summary: writes the run's unhandled errors (which fail the run though every test
// passed, and which vitest's JSON report leaves out) with the test file that was running, so the summary can name them
// at the end of the log.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

export default class UnhandledErrorsReporter {
  constructor(options = {}) {
    this.outputFile = options.outputFile ?? 'test-results/summary/vitest-errors.json';
  }

  onInit(vitest) {
    this.root = vitest.config.root;
  }

  onTestRunEnd(_testModules, unhandledErrors, reason) {
    const errors = [...unhandledErrors].map((e) => ({
      message: String(e?.message ?? e),
      name: e?.name ?? null,
      file: e?.VITEST_TEST_PATH ? relative(this.root, e.VITEST_TEST_PATH) : null,
      test: e?.VITEST_TEST_NAME ?? null,
      stack: String(e?.stack ?? '')
        .split('\n')
        .slice(0, 8)
        .join('\n'),
    }));
    mkdirSync(dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, JSON.stringify({ reason, errors }, null, 2));
  }
}
