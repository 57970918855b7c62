/** A SessionAlerts on a fake clock with test-sized settings. */
import { SessionAlerts } from '../../../../src/main/engine/sessions/session-alerts'
import {
  resolveSessionSettings,
  type SessionSettings,
} from '../../../../src/main/engine/sessions/session-settings'
import { FakeClock } from '../../../helpers/fake-clock'

export function alertsHarness(overrides: Partial<SessionSettings> = {}) {
  const clock = new FakeClock()
  const settings = resolveSessionSettings(overrides)
  const alerts = new SessionAlerts(settings, clock)
  return { clock, settings, alerts }
}
