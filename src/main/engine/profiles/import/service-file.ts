/**
 * Connection service files (pg_service.conf) for import (issue 7 item 6).
 *
 * Reads the user file, then the system file (service-location.ts), parses each with libpq's
 * rules (service-parse.ts), and resolves each service name as libpq does: from the first file
 * that defines it, the user file first. A malformed file contributes no services and no
 * candidates, and its errors are reported with file:line; the other file is still used. A
 * service that a malformed user file defines is not taken from the system file either, since
 * libpq would stop at the user file for it.
 *
 * Inline passwords (and the other secret keywords) stay inside ServiceDefinition's private
 * field: the result, its problems and its candidates never contain them.
 */
import type { ImportProblem, ImportResult } from './candidate'
import type { Environment } from './pgpass-location'
import { readTextFile } from './pgpass-text-file'
import { serviceCandidates, type ServiceCandidateOptions } from './service-candidates'
import type { ServiceDefinition } from './service-definition'
import { serviceFileLocations, type ServiceFileScope } from './service-location'
import { parseServiceLines } from './service-parse'

export { ServiceDefinition } from './service-definition'
export { serviceCandidates } from './service-candidates'
export type { ServiceCandidateOptions } from './service-candidates'
export { serviceFileLocations } from './service-location'

export interface ServiceReadOptions extends Omit<ServiceCandidateOptions, 'platform'> {
  env: Environment
  homeDir: string | undefined
  /** libpq's compiled sysconfdir (`pg_config --sysconfdir`), used when PGSYSCONFDIR is unset. */
  sysconfDir?: string
  platform?: NodeJS.Platform
}

export type ServiceFileStatus = 'read' | 'missing' | 'malformed' | 'unreadable'

export interface ServiceFileReport {
  scope: ServiceFileScope
  path: string
  status: ServiceFileStatus
}

export interface ServiceReadResult extends ImportResult {
  /** Every usable service by name, from the file libpq would take it from. */
  services: Map<string, ServiceDefinition>
  /** The files looked at, in libpq's search order. */
  files: ServiceFileReport[]
}

const GROUP_OR_WORLD = 0o077

export async function readServiceFiles(options: ServiceReadOptions): Promise<ServiceReadResult> {
  const platform = options.platform ?? process.platform
  const problems: ImportProblem[] = []
  const services = new Map<string, ServiceDefinition>()
  /** Names a file earlier in the search order defines, and where. */
  const claimed = new Map<string, string>()
  const files: ServiceFileReport[] = []

  for (const location of serviceFileLocations({ ...options, platform })) {
    const { path, scope } = location
    const file = await readTextFile(path, { platform })
    if (file.kind === 'missing') {
      files.push({ scope, path, status: 'missing' })
      if (location.explicit) {
        problems.push({
          severity: 'warning',
          where: path,
          message: `service file "${path}" not found (named by ${scope === 'user' ? 'PGSERVICEFILE' : 'PGSYSCONFDIR'})`,
        })
      }
      continue
    }
    if (file.kind !== 'read') {
      files.push({ scope, path, status: 'unreadable' })
      const why =
        file.kind === 'not-regular-file'
          ? 'is not a plain file'
          : file.kind === 'too-large'
            ? `is too large (${file.size} bytes)`
            : `could not be read (${file.kind === 'io-error' ? file.code : file.kind})`
      problems.push({ severity: 'error', where: path, message: `service file "${path}" ${why}` })
      continue
    }

    const parsed = parseServiceLines(path, scope, file.lines)
    problems.push(...parsed.problems)
    files.push({ scope, path, status: parsed.malformed ? 'malformed' : 'read' })
    if (parsed.malformed) {
      problems.push({
        severity: 'error',
        where: path,
        message: `service file "${path}" has errors; nothing is imported from it`,
      })
    } else {
      for (const service of parsed.services) {
        const earlier = claimed.get(service.name)
        if (earlier !== undefined) {
          problems.push({
            severity: 'warning',
            where: `${path}:${service.line}`,
            message:
              `service "${service.name}" is also defined in "${earlier}", which libpq reads ` +
              'first; this definition is not used',
          })
          continue
        }
        services.set(service.name, service)
        if (platform !== 'win32' && service.secretKeys.length > 0 && file.mode & GROUP_OR_WORLD) {
          problems.push({
            severity: 'warning',
            where: `${path}:${service.line}`,
            message:
              `service "${service.name}" has a password or other secret in a file that group ` +
              'or others may read; consider chmod 0600 or a password file',
          })
        }
      }
    }
    for (const name of parsed.sectionLines.keys()) {
      if (!claimed.has(name)) claimed.set(name, path)
    }
  }

  const built = serviceCandidates(services.values(), { ...options, platform })
  return {
    candidates: built.candidates,
    problems: [...problems, ...built.problems],
    services,
    files,
  }
}
