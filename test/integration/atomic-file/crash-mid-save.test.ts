/**
 * reliability.md G.37 / issue 7 item 5: a save interrupted at any instant (the process killed with
 * SIGKILL while writing) leaves the old content or the new, never a mix, an empty or a missing
 * file. A child process rewrites one file in a loop with two large, different contents; it is
 * killed at varied moments and the file is checked after every kill.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/temp-dir'

const { dir, cleanup } = tempDir()
afterAll(cleanup)

const moduleUrl = new URL('../../../src/main/engine/core/atomic-file.ts', import.meta.url).href
const A = 'A'.repeat(512 * 1024)
const B = 'B'.repeat(512 * 1024)

const childSource = `
import { writeFileAtomic } from ${JSON.stringify(moduleUrl)}
const [file, a, b] = [process.argv[2], 'A'.repeat(512 * 1024), 'B'.repeat(512 * 1024)]
writeFileAtomic(file, a)
process.stdout.write('ready\\n')
for (let i = 0; ; i++) writeFileAtomic(file, i % 2 ? a : b)
`

function runAndKill(file: string, script: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.once('data', () => {
      // Real time here is not a wait for our own timer: it picks the instant of the crash.
      setTimeout(() => child.kill('SIGKILL'), afterMs)
    })
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited early: ${stderr}`)),
    )
  })
}

describe('an atomic save killed mid-way', () => {
  it('always leaves exactly the old or the new content', async () => {
    const script = path.join(dir, 'writer.mjs')
    fs.writeFileSync(script, childSource)
    const file = path.join(dir, 'target.json')
    const seen = new Set<string>()
    for (let i = 0; i < 12; i++) {
      await runAndKill(file, script, 5 + ((i * 37) % 120))
      const content = fs.readFileSync(file, 'utf8')
      expect(content === A || content === B).toBe(true)
      seen.add(content[0]!)
      expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    }
    // The kills landed at different points of the loop, not always before the first rewrite.
    expect(seen.size).toBe(2)
  }, 30_000)
})
