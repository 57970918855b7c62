#!/usr/bin/env node
/**
 * The health benchmark: bench/health/health-bench.ts, bundled into out/bench-health and run.
 * Usage: node bench/health/run.mjs [--rounds N] [--no-peer]
 */
import { runBundled } from '../lib/run-bundled.mjs'

await runBundled({ entry: 'bench/health/health-bench.ts', outName: 'bench-health' })
