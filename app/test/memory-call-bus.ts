import type { CallBus } from '~/components/call/call-bus'

type Delivery = () => void

/**
 * Browsers in one call, in memory: messages wait in a queue until `deliver` (in order, or
 * shuffled by the caller's choice of `pick`), so tests can interleave and reorder them.
 */
export class MemoryCall {
  private readonly handlers = new Map<string, Map<string, Set<(payload: unknown, from: string) => void>>>()
  private readonly joinHandlers = new Map<string, Set<(peerId: string) => void>>()
  private queue: Delivery[] = []

  join(peerId: string): CallBus {
    const others = [...this.handlers.keys()]
    this.handlers.set(peerId, new Map())
    this.joinHandlers.set(peerId, new Set())
    const bus: CallBus = {
      selfPeerId: peerId,
      broadcast: (channel, payload) => {
        for (const other of this.handlers.keys()) if (other !== peerId) this.send(peerId, other, channel, payload)
      },
      sendTo: (to, channel, payload) => this.send(peerId, to, channel, payload),
      subscribe: (channel, handler) => {
        const channels = this.handlers.get(peerId)!
        const set = channels.get(channel) ?? new Set()
        channels.set(channel, set.add(handler))
        return () => set.delete(handler)
      },
      onPeerJoined: (handler) => {
        const set = this.joinHandlers.get(peerId)!
        set.add(handler)
        return () => set.delete(handler)
      },
    }
    // The data connections open on both sides once the newcomer has subscribed (next delivery).
    this.queue.push(() => {
      for (const other of others) {
        for (const handler of this.joinHandlers.get(other) ?? []) handler(peerId)
        for (const handler of this.joinHandlers.get(peerId) ?? []) handler(other)
      }
    })
    return bus
  }

  leave(peerId: string): void {
    this.handlers.delete(peerId)
    this.joinHandlers.delete(peerId)
  }

  /** Delivers queued messages (and what they cause) until none is left; `pick` chooses the next. */
  deliver(pick: (waiting: number) => number = () => 0): void {
    while (this.queue.length > 0) {
      const [delivery] = this.queue.splice(pick(this.queue.length) % this.queue.length, 1)
      delivery!()
    }
  }

  private send(from: string, to: string, channel: string, payload: unknown): void {
    // A copy, as a data connection serialises it.
    const copy = structuredClone(payload)
    this.queue.push(() => {
      for (const handler of this.handlers.get(to)?.get(channel) ?? []) handler(copy, from)
    })
  }
}
