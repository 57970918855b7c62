import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { getTransport } from './api'
import { TransportContext } from './api/transport-context'
import { App } from './App'
import { browserNotifications, startNotifier } from './features/notifications/notifier'
import { startEventBridge } from './stores/event-bridge'
import { useStore } from './stores/store'
import './styles.css'

// Once per page, outside React: subscribe to main's events, then load the snapshot.
const transport = getTransport()
startEventBridge(transport, useStore)
startNotifier(useStore, browserNotifications)

const root = document.getElementById('root')
if (!root) throw new Error('Lifeguard: the page has no #root element')
createRoot(root).render(
  <StrictMode>
    <TransportContext.Provider value={transport}>
      <App />
    </TransportContext.Provider>
  </StrictMode>,
)
