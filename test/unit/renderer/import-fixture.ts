/** Import previews for the import dialog's tests (shapes of src/shared/domain.ts). */
import type {
  ImportCandidate,
  ImportPreviewRow,
  ImportPreviewView,
  ImportProblem,
} from '../../../src/shared/domain'

export const PREVIEW_ID = '6f1c2a52-0d1e-4c5b-9a51-2f4a3b8c9d10'

export function candidate(overrides: Partial<ImportCandidate> = {}): ImportCandidate {
  return {
    name: 'orders',
    group: '',
    hosts: ['db.example.com'],
    ports: [5432],
    database: 'orders',
    user: 'app',
    sslmode: 'prefer',
    origin: { kind: 'pgpass', where: '/home/me/.pgpass:2' },
    passwordSource: 'pgpass',
    ...overrides,
  }
}

export function row(
  index: number,
  status: ImportPreviewRow['status'],
  overrides: Partial<ImportPreviewRow> = {},
): ImportPreviewRow {
  return {
    index,
    candidate: candidate({ name: `row ${index}` }),
    status,
    reasons: [],
    ...overrides,
  }
}

export function previewView(
  rows: ImportPreviewRow[],
  problems: ImportProblem[] = [],
): ImportPreviewView {
  return { previewId: PREVIEW_ID, source: '/home/me/.pgpass', rows, problems }
}

/** Three rows: new, duplicate of a saved profile, invalid; one warning. */
export function mixedPreview(): ImportPreviewView {
  return previewView(
    [
      row(0, 'new', { candidate: candidate({ name: 'orders' }) }),
      row(1, 'duplicate', {
        candidate: candidate({ name: 'orders again' }),
        duplicateOf: 'p1',
        reasons: ['same host, port, database and user as the profile "billing"'],
      }),
      row(2, 'invalid', {
        candidate: candidate({ name: 'broken', hosts: ['bad host!'] }),
        reasons: ['host must be a host name, an IPv4 or IPv6 address, or a socket directory'],
      }),
      row(3, 'new', { candidate: candidate({ name: 'reporting', database: 'dw' }) }),
    ],
    [
      {
        severity: 'warning',
        where: '/home/me/.pgpass:5',
        message: 'line 5 has a wildcard host or user: it supplies passwords only',
      },
    ],
  )
}
