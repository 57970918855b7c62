/** Health levels, breaker states, triggers and outcomes all have words (and levels an icon). */
import { describe, expect, it } from 'vitest'
import {
  attemptLabel,
  breakerLabels,
  healthLevelLabels,
  outcomeLabels,
  triggerLabels,
} from '../../../src/renderer/src/lib/health-labels'
import { breakerStates, healthLevels } from '../../../src/shared/domain'

describe('health labels', () => {
  it('labels exactly the levels and breaker states of the domain', () => {
    expect(Object.keys(healthLevelLabels).sort()).toEqual([...healthLevels].sort())
    expect(Object.keys(breakerLabels).sort()).toEqual([...breakerStates].sort())
  })

  it.each(healthLevels)('%s has a symbol icon and a text', (level) => {
    const label = healthLevelLabels[level]
    expect(label.icon.trim()).not.toBe('')
    expect(label.icon).not.toMatch(/[A-Za-z]/)
    expect(label.text).toMatch(/^[A-Z]/)
  })

  it('no two levels share an icon or a text', () => {
    const icons = healthLevels.map((l) => healthLevelLabels[l].icon)
    const texts = healthLevels.map((l) => healthLevelLabels[l].text)
    expect(new Set(icons).size).toBe(healthLevels.length)
    expect(new Set(texts).size).toBe(healthLevels.length)
  })

  it('outcomes differ in icon and text; triggers in text', () => {
    expect(outcomeLabels.success.icon).not.toBe(outcomeLabels.failure.icon)
    expect(outcomeLabels.success.text).not.toBe(outcomeLabels.failure.text)
    expect(new Set(Object.values(triggerLabels)).size).toBe(4)
  })

  it('a failed probe is called a probe; attempts are numbered', () => {
    expect(attemptLabel({ attempt: 0, trigger: 'probe' })).toBe('probe')
    expect(attemptLabel({ attempt: 3, trigger: 'scheduled' })).toBe('#3')
    expect(attemptLabel({ attempt: 1, trigger: 'manual' })).toBe('#1')
  })
})
