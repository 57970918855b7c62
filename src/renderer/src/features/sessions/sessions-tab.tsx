/**
 * The Sessions tab: polls sessions:get every 2 s while shown, keeps the table's sort, filters
 * and open rows, and runs Cancel query / Terminate session after their confirmation (a modal).
 * After an action the outcome is shown and the sessions are loaded again at once.
 */
import { useId, useState } from 'react'
import type { ProfileSummary } from '../../../../shared/domain'
import type { ServerSession, SessionAction } from '../../../../shared/sessions'
import { useApi } from '../../api/transport-context'
import { selectors, useStore } from '../../stores/store'
import { ActionDialog, type ActionRequest } from './action-dialog'
import { actionDoneText, actionErrorText, runSessionAction } from './session-actions'
import { defaultSort, nextSort, noFilter, type SessionFilter } from './session-table-model'
import { SessionsPanel, type ActionNotice } from './sessions-panel'
import { useSessionsView } from './use-sessions-view'

export function SessionsTab({ profile }: { profile: ProfileSummary }) {
  const api = useApi()
  const id = useId()
  const state = useStore(selectors.statuses.state(profile.id))
  const alerts = useStore(selectors.sessions.alerts(profile.id))
  const load = useSessionsView(profile.id)
  const [sort, setSort] = useState(defaultSort)
  const [filter, setFilter] = useState<SessionFilter>(noFilter)
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set())
  const [request, setRequest] = useState<ActionRequest | null>(null)
  const [pending, setPending] = useState(false)
  const [notice, setNotice] = useState<ActionNotice | null>(null)

  const toggle = (pid: number) =>
    setExpanded((previous) => {
      const next = new Set(previous)
      if (!next.delete(pid)) next.add(pid)
      return next
    })

  const ask = (action: SessionAction, session: ServerSession) => {
    setNotice(null)
    setRequest({ action, session })
  }

  const confirm = async (allowOwn: boolean) => {
    if (!request) return
    setPending(true)
    const { action, session } = request
    const result = await runSessionAction(api, profile.id, action, session.pid, allowOwn)
    setPending(false)
    setRequest(null)
    setNotice(
      result.ok
        ? { outcome: 'done', text: actionDoneText(result.data) }
        : { outcome: 'failed', text: actionErrorText(result.error) },
    )
    load.refresh()
  }

  return (
    <>
      <SessionsPanel
        titleId={`${id}-title`}
        headingLevel={3}
        profile={profile}
        state={state}
        load={load}
        alerts={alerts}
        sort={sort}
        filter={filter}
        expanded={expanded}
        notice={notice}
        onSort={(key) => setSort((current) => nextSort(current, key))}
        onFilter={setFilter}
        onToggle={toggle}
        onAction={ask}
        onDismissNotice={() => setNotice(null)}
        onRefresh={load.refresh}
      />
      {request && (
        <ActionDialog
          request={request}
          pending={pending}
          onConfirm={(allowOwn) => void confirm(allowOwn)}
          onCancel={() => {
            if (!pending) setRequest(null)
          }}
        />
      )}
    </>
  )
}
