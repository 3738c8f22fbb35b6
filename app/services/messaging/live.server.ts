import type { EventEmitter } from 'node:events'
import { onSessionsEnded } from '~/services/accounts/session-signals.server'
import { isSessionActive } from '~/services/accounts/sessions.server'
import { relayedEmitter } from '~/services/cluster/relayed-emitter.server'
import { addToCount, totalCount } from '~/services/cluster/shared-counts.server'

/**
 * The bus that carries live events to open pages (server-sent events): new messages to a
 * conversation's participants, new and updated fraud alerts to admins on the fraud desk. With a web
 * worker per core the stream may be held by another worker than the one that published: the
 * emitter relays every event through the primary process to all workers, and who is watching
 * is counted over all workers (app/services/cluster/).
 */
export type LiveEvent = { type: 'message'; messageId: string; senderId: string }
/** Says only that an alert changed: the desk reloads its list, which checks who may see what. */
export type FraudAlertLiveEvent = { type: 'fraud-alert'; alertId: string; change: 'raised' | 'updated' }

type Bus = {
  emitter: EventEmitter
  streams: Set<() => void>
  /** Each person's open streams, oldest first (a Set keeps insertion order). */
  byUser: Map<string, Set<() => void>>
  hooked: boolean
}

/**
 * Open streams one person may hold in this process. Each holds a connection and checks the session
 * every heartbeat, so a script opening them in a loop would pile them up; past this many, a new
 * stream closes that person's oldest (its page reconnects if it is still open). Plenty for tabs.
 */
export const MAX_STREAMS_PER_USER = 20

const globalBus = globalThis as typeof globalThis & { __megilanceMessagingBus?: Bus }

function bus(): Bus {
  if (!globalBus.__megilanceMessagingBus) {
    globalBus.__megilanceMessagingBus = {
      emitter: relayedEmitter('messaging'),
      streams: new Set(),
      byUser: new Map(),
      hooked: false,
    }
  }
  return globalBus.__megilanceMessagingBus
}

/** How many live streams this process holds open (for /metrics). */
export function openEventStreams(): number {
  return bus().streams.size
}

const channel = (conversationId: string) => `conversation:${conversationId}`
/** The audience of fraud-alert events: admins with the fraud desk open (the route lets only admins in). */
const ADMIN_FRAUD_ALERTS = 'admin:fraud-alerts'
const watcherKey = (conversationId: string, userId: string) => `${conversationId}:${userId}`
const WATCHERS = 'conversation-watchers'

type AnyLiveEvent = LiveEvent | FraudAlertLiveEvent

/** The one place an event leaves for its topic. */
function emit(topic: string, event: AnyLiveEvent): void {
  bus().emitter.emit(topic, event)
}

export function publish(conversationId: string, event: LiveEvent): void {
  emit(channel(conversationId), event)
}

export function publishAdminFraudAlert(event: FraudAlertLiveEvent): void {
  emit(ADMIN_FRAUD_ALERTS, event)
}

/** Listens to one topic, counting the watcher when given; returns the function that stops listening. */
function subscribe(topic: string, watcher: string | null, listener: (event: AnyLiveEvent) => void): () => void {
  const { emitter } = bus()
  emitter.on(topic, listener)
  if (watcher) addToCount(WATCHERS, watcher, 1)
  let stopped = false
  return () => {
    if (stopped) return
    stopped = true
    emitter.off(topic, listener)
    if (watcher) addToCount(WATCHERS, watcher, -1)
  }
}

/** Whether the user has the conversation open right now (with JavaScript, so it updates live). */
export function isWatching(conversationId: string, userId: string): boolean {
  return totalCount(WATCHERS, watcherKey(conversationId, userId)) > 0
}

export function listenerCount(conversationId: string): number {
  return bus().emitter.listenerCount(channel(conversationId))
}

export function adminFraudAlertListenerCount(): number {
  return bus().emitter.listenerCount(ADMIN_FRAUD_ALERTS)
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
  viewer: Viewer,
  options: StreamOptions = {},
): ReadableStream<Uint8Array> {
  return topicEventStream(signal, channel(conversationId), watcherKey(conversationId, viewer.userId), viewer, options)
}

/** The same kind of stream for an admin on the fraud desk: an event per raised or updated alert. */
export function adminFraudAlertEventStream(
  signal: AbortSignal,
  viewer: Viewer,
  options: StreamOptions = {},
): ReadableStream<Uint8Array> {
  return topicEventStream(signal, ADMIN_FRAUD_ALERTS, null, viewer, options)
}

type Viewer = { userId: string; sessionId: string }
type StreamOptions = { heartbeatMs?: number }

function topicEventStream(
  signal: AbortSignal,
  topic: string,
  watcher: string | null,
  viewer: Viewer,
  { heartbeatMs = 15_000 }: StreamOptions,
): ReadableStream<Uint8Array> {
  closeStreamsOnShutdown()
  const { streams, byUser } = bus()
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
      const unsubscribe = subscribe(topic, watcher, (event) => {
        whileSignedIn(() => send(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`))
      })
      const stopWatchingSession = onSessionsEnded(viewer.userId, () => whileSignedIn(() => {}))
      const heartbeat = setInterval(() => whileSignedIn(() => send(`: heartbeat ${Date.now()}\n\n`)), heartbeatMs)
      cleanup = () => {
        if (!open) return
        open = false
        streams.delete(cleanup)
        const mine = byUser.get(viewer.userId)
        mine?.delete(cleanup)
        if (mine?.size === 0) byUser.delete(viewer.userId)
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
      const mine = byUser.get(viewer.userId) ?? new Set()
      byUser.set(viewer.userId, mine)
      mine.add(cleanup)
      for (const oldest of [...mine].slice(0, Math.max(0, mine.size - MAX_STREAMS_PER_USER))) oldest()
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
