#!/usr/bin/env node
/**
 * The pool benchmark: bench/pool-bench.ts, bundled into out/bench and run with --expose-gc.
 * Usage: node bench/run.mjs [--quick] [--pairs N] [--only noio|select1]
 */
import { runBundled } from './lib/run-bundled.mjs'

await runBundled({ entry: 'bench/pool-bench.ts', outName: 'bench', nodeFlags: ['--expose-gc'] })
