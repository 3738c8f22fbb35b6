import { EventEmitter } from 'node:events'
import { onPrimaryMessage, tellPrimary } from './ipc.server'

/**
 * An EventEmitter whose events also reach the emitter of the same name in every other web worker:
 * `emit` delivers here and sends the event to the primary, which passes it to the other workers
 * (server/cluster/primary.ts). Outside a cluster it is a plain EventEmitter. Event arguments cross
 * a process boundary, so they must be plain JSON-serialisable data.
 */
class RelayedEmitter extends EventEmitter {
  constructor(private readonly relayName: string) {
    super()
    // One listener per open stream; there is no sensible fixed limit.
    this.setMaxListeners(0)
    onPrimaryMessage('emit', (message) => {
      if (message.name !== relayName) return
      super.emit(String(message.event), ...(message.args as unknown[]))
    })
  }

  override emit(event: string, ...args: unknown[]): boolean {
    tellPrimary({ megilance: 'emit', name: this.relayName, event, args })
    return super.emit(event, ...args)
  }
}

const holder = globalThis as typeof globalThis & { __megilanceRelayedEmitters?: Map<string, RelayedEmitter> }

/** The process's one relayed emitter of this name (shared by the Remix build and server/). */
export function relayedEmitter(name: string): EventEmitter {
  holder.__megilanceRelayedEmitters ??= new Map()
  let emitter = holder.__megilanceRelayedEmitters.get(name)
  if (!emitter) {
    emitter = new RelayedEmitter(name)
    holder.__megilanceRelayedEmitters.set(name, emitter)
  }
  return emitter
}
