/**
 * Renders a component for real (react-dom in happy-dom), for components that read the global
 * store: the test file must start with `// @vitest-environment happy-dom`. Everything inside a
 * fake transport and a frozen ticker; `unmount` leaves nothing behind.
 */
import { act, createElement, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { TransportContext } from '../../../src/renderer/src/api/transport-context'
import { TickerContext } from '../../../src/renderer/src/lib/use-second-tick'
import { fakeTransport } from './event-bridge-fixture'
import { frozenTicker } from './render-fixture'

export async function mount(
  element: ReactNode,
  options: { now?: number; fake?: ReturnType<typeof fakeTransport> } = {},
) {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  const fake = options.fake ?? fakeTransport('connected')
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  await act(async () => {
    root.render(
      createElement(
        TransportContext.Provider,
        { value: fake.transport },
        createElement(TickerContext.Provider, { value: frozenTicker(options.now ?? 0) }, element),
      ),
    )
  })
  return {
    container,
    fake,
    byTestId: (id: string) => container.querySelector(`[data-testid="${id}"]`),
    allByTestId: (id: string) => [...container.querySelectorAll(`[data-testid="${id}"]`)],
    /** Runs a change (store update, click) and lets React commit it. */
    act: (change: () => unknown) => act(async () => void (await change())),
    unmount: async () => {
      await act(async () => root.unmount())
      container.remove()
    },
  }
}
