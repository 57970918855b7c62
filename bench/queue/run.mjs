#!/usr/bin/env node
/**
 * The write-queue benchmark: bench/queue/queue-bench.ts, bundled into out/bench-queue and run.
 * Usage: node bench/queue/run.mjs [--quick] [--only enqueue|replay] [--rounds N]
 */
import { runBundled } from '../lib/run-bundled.mjs'

await runBundled({ entry: 'bench/queue/queue-bench.ts', outName: 'bench-queue' })
