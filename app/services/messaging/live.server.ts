import type { EventEmitter } from 'node:events'
import { onSessionsEnded } from '~/services/accounts/session-signals.server'
import { isSessionActive } from '~/services/accounts/sessions.server'
import { relayedEmitter } from '~/services/cluster/relayed-emitter.server'
import { addToCount, totalCount } from '~/services/cluster/shared-counts.server'

/**
 * The bus that carries new messages to open conversation pages (server-sent events). With a web
 * worker per core the stream may be held by another worker than the one that published: the
 * emitter relays every event through the primary process to all workers, and who is watching
 * is counted over all workers (app/services/cluster/).
 */
export type LiveEvent = { type: 'message'; messageId: string; senderId: string }

type Bus = { emitter: EventEmitter; streams: Set<() => void>; hooked: boolean }

const globalBus = globalThis as typeof globalThis & { __megilanceMessagingBus?: Bus }

function bus(): Bus {
  if (!globalBus.__megilanceMessagingBus) {
    globalBus.__megilanceMessagingBus = { emitter: relayedEmitter('messaging'), streams: new Set(), hooked: false }
  }
  return globalBus.__megilanceMessagingBus
}

/** How many live streams this process holds open (for /metrics). */
export function openEventStreams(): number {
  return bus().streams.size
}

const channel = (conversationId: string) => `conversation:${conversationId}`
const watcherKey = (conversationId: string, userId: string) => `${conversationId}:${userId}`
const WATCHERS = 'conversation-watchers'

export function publish(conversationId: string, event: LiveEvent): void {
  bus().emitter.emit(channel(conversationId), event)
}

/** Listens to one conversation; returns the function that stops listening. */
function subscribe(conversationId: string, userId: string, listener: (event: LiveEvent) => void): () => void {
  const { emitter } = bus()
  const key = watcherKey(conversationId, userId)
  emitter.on(channel(conversationId), listener)
  addToCount(WATCHERS, key, 1)
  let stopped = false
  return () => {
    if (stopped) return
    stopped = true
    emitter.off(channel(conversationId), listener)
    addToCount(WATCHERS, key, -1)
  }
}

/** Whether the user has the conversation open right now (with JavaScript, so it updates live). */
export function isWatching(conversationId: string, userId: string): boolean {
  return totalCount(WATCHERS, watcherKey(conversationId, userId)) > 0
}

export function listenerCount(conversationId: string): number {
  return bus().emitter.listenerCount(channel(conversationId))
}

const encoder = new TextEncoder()

/**
 * Open streams never finish on their own, so a graceful shutdown (server/index.ts) would wait
 * for them: on the stop signals, end them; browsers reconnect to the next server by themselves.
 */
function closeStreamsOnShutdown() {
  const state = bus()
  if (state.hooked) return
  state.hooked = true
  const closeAll = () => {
    for (const close of [...state.streams]) close()
  }
  // Only next to the server's own shutdown handlers, so the default signal behaviour stays as it was.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    if (process.listenerCount(signal) > 0) process.once(signal, closeAll)
  }
}

/**
 * A server-sent-events stream (app/http/event-stream.server.ts answers with it) that forwards the
 * conversation's events until the browser goes away (`signal`, the request's) or the session that
 * opened it ends. Comments every `heartbeatMs` keep proxies from closing an idle connection.
 *
 * The stream outlives the request that was checked, so every delivery (heartbeats included) first
 * asks whether the session still stands, and a session-ended signal asks at once: a signed-out,
 * revoked, expired or blocked session's stream closes and delivers nothing more.
 */
export function conversationEventStream(
  signal: AbortSignal,
  conversationId: string,
  viewer: { userId: string; sessionId: string },
  { heartbeatMs = 15_000 }: { heartbeatMs?: number } = {},
): ReadableStream<Uint8Array> {
  closeStreamsOnShutdown()
  const { streams } = bus()
  let cleanup = () => {}
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true
      const send = (text: string) => {
        if (!open) return
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          cleanup()
        }
      }
      // One check at a time, in order, so events keep their order and none slips past a revocation.
      let checked = Promise.resolve()
      const whileSignedIn = (deliver: () => void) => {
        checked = checked
          .then(async () => {
            if (!open) return
            if (await isSessionActive(viewer.sessionId)) deliver()
            else cleanup()
          })
          .catch(() => cleanup())
      }
      const unsubscribe = subscribe(conversationId, viewer.userId, (event) => {
        whileSignedIn(() => send(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`))
      })
      const stopWatchingSession = onSessionsEnded(viewer.userId, () => whileSignedIn(() => {}))
      const heartbeat = setInterval(() => whileSignedIn(() => send(`: heartbeat ${Date.now()}\n\n`)), heartbeatMs)
      cleanup = () => {
        if (!open) return
        open = false
        streams.delete(cleanup)
        clearInterval(heartbeat)
        unsubscribe()
        stopWatchingSession()
        signal.removeEventListener('abort', cleanup)
        try {
          controller.close()
        } catch {
          // Already closed by the other side.
        }
      }
      streams.add(cleanup)
      signal.addEventListener('abort', cleanup)
      if (signal.aborted) cleanup()
      // Tell the browser how long to wait before reconnecting, and flush the headers now.
      send(`retry: 3000\n: connected\n\n`)
    },
    cancel() {
      cleanup()
    },
  })
}
