/**
 * Debian's Chromium (Playwright's own browser download cannot run here), with the flags that keep
 * it off the closed network.
 */
import fs from 'node:fs'

export function chromiumExecutable(): string {
  const candidates = [
    process.env['LIFEGUARD_CHROMIUM'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ]
  const found = candidates.find((c): c is string => !!c && fs.existsSync(c))
  if (!found)
    throw new Error(
      'Chromium not found: run `bash scripts/setup.sh` or set LIFEGUARD_CHROMIUM to its path',
    )
  return found
}

export function chromiumLaunchOptions() {
  return {
    executablePath: chromiumExecutable(),
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  }
}
