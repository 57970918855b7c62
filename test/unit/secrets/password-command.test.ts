/** Issue 7 item 3: a password command (pgAdmin's "password exec command"), run without a shell. */
import { describe, expect, it } from 'vitest'
import {
  runPasswordCommand,
  splitCommandLine,
} from '../../../src/main/engine/secrets/password-command'

const node = JSON.stringify(process.execPath)
const target = { host: 'db1', port: 5433, database: 'app', user: 'dba' }
const CANARY = 'Canary-pw:@/#?%'

describe('splitting a password command line', () => {
  it.each([
    ['pass show db/prod', ['pass', 'show', 'db/prod']],
    [`vault read -field=pw "secret/db prod"`, ['vault', 'read', '-field=pw', 'secret/db prod']],
    [`echo 'a "b" c'`, ['echo', 'a "b" c']],
    ['a\\ b c', ['a b', 'c']],
    ['  spaced   out  ', ['spaced', 'out']],
    [`x "" y`, ['x', '', 'y']],
    ['echo $HOME; rm -rf /', ['echo', '$HOME;', 'rm', '-rf', '/']],
  ])('%s', (line, argv) => {
    expect(splitCommandLine(line)).toEqual(argv)
  })

  it('refuses an unclosed quote', () => {
    expect(() => splitCommandLine(`echo "oops`)).toThrow(/unclosed quote/)
  })
})

describe('running a password command', () => {
  it('returns the first line and passes the target as PG* variables', async () => {
    const script = `process.stdout.write(process.env.PGUSER + '@' + process.env.PGHOST + ':' + process.env.PGPORT + '/' + process.env.PGDATABASE + '\\nsecond line')`
    await expect(runPasswordCommand(`${node} -e ${JSON.stringify(script)}`, target)).resolves.toBe(
      'dba@db1:5433/app',
    )
  })

  it('runs no shell: metacharacters are plain arguments', async () => {
    const script = 'process.stdout.write(JSON.stringify(process.argv.slice(1)))'
    const out = await runPasswordCommand(
      `${node} -e ${JSON.stringify(script)} ; echo pwned`,
      target,
    )
    expect(JSON.parse(out)).toEqual([';', 'echo', 'pwned'])
  })

  it.each([
    [
      'a non-zero exit',
      `-e "process.stdout.write('${CANARY}'); process.exit(3)"`,
      /exited with code 3/,
    ],
    ['no output', `-e ""`, /printed no password/],
    ['too much output', `-e "process.stdout.write('x'.repeat(200000))"`, /printed more than/],
  ])('reports %s without the output', async (_label, args, message) => {
    const error = await runPasswordCommand(`${node} ${args}`, target).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'password-required' })
    expect(String((error as Error).message)).toMatch(message)
    expect(String((error as Error).message)).not.toContain(CANARY)
  })

  it('stops a command that hangs', async () => {
    const error = await runPasswordCommand(
      `${node} -e "setInterval(() => {}, 1000)"`,
      target,
      300,
    ).catch((e: unknown) => e)
    expect(String((error as Error).message)).toMatch(/did not finish within 300 ms/)
  })

  it('reports a program that does not exist', async () => {
    const error = await runPasswordCommand('/nonexistent/lifeguard-pw-helper', target).catch(
      (e: unknown) => e,
    )
    expect(String((error as Error).message)).toMatch(/"lifeguard-pw-helper" was not found/)
  })
})
