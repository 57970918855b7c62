// npm test: typecheck, lint, build, unit + integration (vitest, real PostgreSQL), end-to-end
// (Playwright in Chromium against browser mode). Ends with one summary line.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const results = path.join(root, 'test-results')
fs.mkdirSync(results, { recursive: true })
for (const stale of ['vitest.json', 'playwright.json'])
  fs.rmSync(path.join(results, stale), { force: true })

const steps = [
  ['typecheck', 'tsc', ['-b', '--noEmit']],
  ['typecheck bench', 'tsc', ['-p', 'bench/tsconfig.json', '--noEmit']],
  ['lint', 'eslint', ['.']],
  ['format', 'prettier', ['--check', '.', '--log-level', 'warn']],
  ['build', 'electron-vite', ['build', '--logLevel', 'warn']],
  [
    'vitest',
    'vitest',
    [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${path.join(results, 'vitest.json')}`,
    ],
  ],
  ['playwright', 'playwright', ['test']],
]

const started = Date.now()
const failedSteps = []
for (const [name, command, args] of steps) {
  if (name === 'playwright' && failedSteps.includes('build')) continue
  const t0 = Date.now()
  console.log(`\n== ${name} ==`)
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  console.log(
    `== ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s ==`,
  )
  if (run.status !== 0) failedSteps.push(name)
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}
const vitest = readJson(path.join(results, 'vitest.json'))
// Trust the report as well as the exit code: a library exit hook once turned a failing run's exit
// code into 0 (see test/helpers/pg-global-setup.ts).
if (
  vitest &&
  (vitest.numFailedTests > 0 || vitest.numFailedTestSuites > 0 || vitest.success === false) &&
  !failedSteps.includes('vitest')
)
  failedSteps.push('vitest')
const pw = readJson(path.join(results, 'playwright.json'))
if (
  pw &&
  (pw.stats?.unexpected ?? 0) + (pw.stats?.flaky ?? 0) > 0 &&
  !failedSteps.includes('playwright')
)
  failedSteps.push('playwright')
const passed = (vitest?.numPassedTests ?? 0) + (pw?.stats?.expected ?? 0)
const failed =
  (vitest?.numFailedTests ?? 0) + (pw?.stats?.unexpected ?? 0) + (pw?.stats?.flaky ?? 0)
const skipped =
  (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (pw?.stats?.skipped ?? 0)
const seconds = ((Date.now() - started) / 1000).toFixed(0)
const failedNote = failedSteps.length ? `; failed steps: ${failedSteps.join(', ')}` : ''
console.log(`\nnpm test finished in ${seconds} s${failedNote}`)
// A failed step that is not a test runner (typecheck, lint, format, build) counts as one failure.
const stepFailures = failedSteps.filter((s) => s !== 'vitest' && s !== 'playwright').length
console.log(`${passed} passed, ${failed + stepFailures} failed, ${skipped} skipped`)
process.exit(failedSteps.length ? 1 : 0)
