/** Where libpq looks for service files, in its search order. */
import { describe, expect, it } from 'vitest'
import { serviceFileLocations } from '../../../src/main/engine/profiles/import/service-file'

describe('service file locations', () => {
  it('POSIX defaults: ~/.pg_service.conf and no system file', () => {
    expect(serviceFileLocations({ env: {}, homeDir: '/home/a', platform: 'linux' })).toEqual([
      { scope: 'user', path: '/home/a/.pg_service.conf', explicit: false },
    ])
  })

  it('PGSERVICEFILE and PGSYSCONFDIR', () => {
    expect(
      serviceFileLocations({
        env: { PGSERVICEFILE: '/srv/svc.conf', PGSYSCONFDIR: '/etc/pg' },
        homeDir: '/home/a',
        platform: 'linux',
        sysconfDir: '/usr/local/pgsql/etc',
      }),
    ).toEqual([
      { scope: 'user', path: '/srv/svc.conf', explicit: true },
      { scope: 'system', path: '/etc/pg/pg_service.conf', explicit: true },
    ])
  })

  it('the compiled sysconfdir when PGSYSCONFDIR is unset', () => {
    expect(
      serviceFileLocations({
        env: {},
        homeDir: undefined,
        platform: 'linux',
        sysconfDir: '/etc/postgresql-common',
      }),
    ).toEqual([
      { scope: 'system', path: '/etc/postgresql-common/pg_service.conf', explicit: false },
    ])
  })

  it('Windows: %APPDATA%\\postgresql\\.pg_service.conf', () => {
    expect(
      serviceFileLocations({
        env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' },
        homeDir: 'C:\\Users\\a',
        platform: 'win32',
      }),
    ).toEqual([
      {
        scope: 'user',
        path: 'C:\\Users\\a\\AppData\\Roaming\\postgresql\\.pg_service.conf',
        explicit: false,
      },
    ])
  })
})
