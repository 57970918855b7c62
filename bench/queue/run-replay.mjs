#!/usr/bin/env node
/**
 * The replay half of the queue benchmark on its own: bench/queue/replay-main.ts, bundled into
 * out/bench-queue-replay and run. Usage: node bench/queue/run-replay.mjs [--quick] [--log memory]
 */
import { runBundled } from '../lib/run-bundled.mjs'

await runBundled({ entry: 'bench/queue/replay-main.ts', outName: 'bench-queue-replay' })
