/**
 * The three session alert thresholds in the profile form's Advanced section: shown with their
 * defaults, carried to the draft as numbers, validated by the shared schema, left out when empty.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import {
  advancedCount,
  fieldsOf,
  newProfileFields,
  toDraftInput,
} from '../../../src/renderer/src/features/profile-form/form-model'
import {
  LONG_QUERY_ORDER,
  validateFields,
} from '../../../src/renderer/src/features/profile-form/form-validation'
import { AdvancedSection } from '../../../src/renderer/src/features/profile-form/advanced-fields'
import type { ProfileFormModel } from '../../../src/renderer/src/features/profile-form/use-profile-form'
import { noPasswordContext } from '../../../src/renderer/src/features/profile-form/form-model'
import { byTestId, render, text } from './render-fixture'
import { profile } from './store-fixture'

const saved = profile('p1', {
  settings: { idleInTransactionAlertMs: 1_000, longQueryWarningMs: 30_000, poolMax: 8 },
})

describe('profile form: alert thresholds', () => {
  it('a saved profile’s thresholds fill the fields and go back into the draft', () => {
    const fields = fieldsOf(saved)
    expect(fields.settings.idleInTransactionAlertMs).toBe('1000')
    expect(fields.settings.longQueryCriticalMs).toBe('')
    expect(toDraftInput(fields).settings).toEqual({
      poolMax: 8,
      idleInTransactionAlertMs: 1_000,
      longQueryWarningMs: 30_000,
    })
    expect(advancedCount(fields)).toBe(3)
  })

  it('the shared schema judges them: below 1 s is refused, next to the field', () => {
    const fields = {
      ...newProfileFields,
      name: 'x',
      settings: { ...newProfileFields.settings, longQueryCriticalMs: '500' },
    }
    const { errors, draft } = validateFields(fields, noPasswordContext)
    expect(draft).toBeNull()
    expect(errors['settings.longQueryCriticalMs']).toBe(
      'long query critical must be between 1000 and 86400000 ms',
    )
  })

  it('a critical line below the warning line is refused before main refuses to connect', () => {
    const withLines = (warning: string, critical: string) => ({
      ...newProfileFields,
      name: 'x',
      settings: {
        ...newProfileFields.settings,
        longQueryWarningMs: warning,
        longQueryCriticalMs: critical,
      },
    })
    const wrong = validateFields(withLines('600000', '300000'), noPasswordContext)
    expect(wrong.draft).toBeNull()
    expect(wrong.errors['settings.longQueryCriticalMs']).toBe(LONG_QUERY_ORDER)
    expect(validateFields(withLines('300000', '300000'), noPasswordContext).draft).not.toBeNull()
    expect(validateFields(withLines('600000', ''), noPasswordContext).draft).not.toBeNull()
  })

  it('the Advanced section shows them, labelled, with their defaults', () => {
    const form = {
      fields: fieldsOf(saved),
      errors: {},
      advancedOpen: true,
      setAdvancedOpen: () => undefined,
      update: () => undefined,
      touch: () => undefined,
      isInvalid: () => false,
    } as unknown as ProfileFormModel
    const html = render(createElement(AdvancedSection, { id: 'f', form }))
    const group = text(byTestId(html, 'alert-thresholds'))
    expect(group).toContain('Session alert thresholds')
    expect(group).toContain('Idle in transaction alert (ms)')
    expect(group).toContain('default 60000 (1 min)')
    expect(group).toContain('Long query warning (ms)')
    expect(group).toContain('Long query critical (ms)')
    expect(html).toMatch(
      /id="f-idleInTransactionAlertMs"[^>]*value="1000"|value="1000"[^>]*id="f-idleInTransactionAlertMs"/,
    )
  })
})
