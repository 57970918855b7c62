/**
 * The profile view's tablist (WAI-ARIA tabs): one tab in the tab order (the selected one), arrow
 * keys and Home / End move between tabs and select them, and the route follows (so back and
 * forward move between tabs too). Each tab is also a link, for a middle click or a copied URL.
 */
import { useRef, type KeyboardEvent } from 'react'
import {
  formatRoute,
  profileRoute,
  profileTabLabels,
  profileTabs,
  type ProfileTab,
} from '../../lib/route'
import { navigate } from '../../lib/use-route'
import { panelId, tabForKey, tabId } from './tab-keys'

interface ProfileTabsProps {
  profileId: string
  current: ProfileTab
  /** Small counts next to a tab's name (open alerts, queue depth). */
  badges?: Partial<Record<ProfileTab, string>>
}

export function ProfileTabs({ profileId, current, badges = {} }: ProfileTabsProps) {
  const refs = useRef(new Map<ProfileTab, HTMLAnchorElement>())
  const onKeyDown = (event: KeyboardEvent) => {
    const next = tabForKey(profileTabs, current, event.key)
    if (next === null) return
    event.preventDefault()
    navigate(profileRoute(profileId, next))
    refs.current.get(next)?.focus()
  }
  return (
    <div className="tabs" role="tablist" aria-label="Profile views" onKeyDown={onKeyDown}>
      {profileTabs.map((tab) => {
        const selected = tab === current
        return (
          <a
            key={tab}
            ref={(el) => {
              if (el) refs.current.set(tab, el)
              else refs.current.delete(tab)
            }}
            id={tabId(profileId, tab)}
            role="tab"
            href={formatRoute(profileRoute(profileId, tab))}
            aria-selected={selected}
            aria-controls={selected ? panelId(profileId, tab) : undefined}
            tabIndex={selected ? 0 : -1}
            className={selected ? 'tab tab-selected' : 'tab'}
            data-testid={`tab-${tab}`}
          >
            {profileTabLabels[tab]}
            {badges[tab] && <span className="tab-badge num">{badges[tab]}</span>}
          </a>
        )
      })}
    </div>
  )
}
