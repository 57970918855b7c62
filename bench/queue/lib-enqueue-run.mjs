#!/usr/bin/env node
/**
 * The enqueue half of the queue benchmark on its own: bench/queue/lib-enqueue-main.ts, bundled
 * into out/bench-queue-enqueue and run. Usage: node bench/queue/lib-enqueue-run.mjs [--quick] [--rounds N]
 */
import { runBundled } from '../lib/run-bundled.mjs'

await runBundled({ entry: 'bench/queue/lib-enqueue-main.ts', outName: 'bench-queue-enqueue' })
