/** The tabs pattern's keys: arrows move and wrap, Home / End jump, anything else does nothing. */
import { describe, expect, it } from 'vitest'
import { tabForKey } from '../../../src/renderer/src/features/profile-view/tab-keys'
import { profileTabs } from '../../../src/renderer/src/lib/route'

describe('tab keys', () => {
  it('ArrowRight moves to the next tab and wraps from the last to the first', () => {
    expect(tabForKey(profileTabs, 'overview', 'ArrowRight')).toBe('health')
    expect(tabForKey(profileTabs, 'settings', 'ArrowRight')).toBe('overview')
  })

  it('ArrowLeft moves to the previous tab and wraps from the first to the last', () => {
    expect(tabForKey(profileTabs, 'health', 'ArrowLeft')).toBe('overview')
    expect(tabForKey(profileTabs, 'overview', 'ArrowLeft')).toBe('settings')
  })

  it('Home and End go to the first and the last', () => {
    expect(tabForKey(profileTabs, 'events', 'Home')).toBe('overview')
    expect(tabForKey(profileTabs, 'health', 'End')).toBe('settings')
  })

  it.each(['ArrowDown', 'Enter', ' ', 'a', 'Tab'])('%j is not a tab key', (key) => {
    expect(tabForKey(profileTabs, 'alerts', key)).toBeNull()
  })

  it('a current tab that is not in the list moves nowhere', () => {
    expect(tabForKey(['a', 'b'], 'c', 'ArrowRight')).toBeNull()
  })
})
