import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit'
import { askPrimary, tellPrimary } from '../../app/services/cluster/ipc.server'

/**
 * An express-rate-limit store kept by the primary process, so a limit counts a client's requests
 * over all web workers rather than per worker (the primary holds one MemoryStore per prefix).
 */
export class PrimaryRateStore implements Store {
  readonly localKeys = false
  private windowMs = 60_000

  constructor(readonly prefix: string) {}

  init(options: Options): void {
    this.windowMs = options.windowMs
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const reply = await askPrimary({
      megilance: 'rate',
      op: 'increment',
      prefix: this.prefix,
      windowMs: this.windowMs,
      key,
    })
    const resetTime = typeof reply.resetTime === 'number' ? new Date(reply.resetTime) : undefined
    return { totalHits: Number(reply.totalHits), resetTime }
  }

  decrement(key: string): void {
    tellPrimary({ megilance: 'rate', op: 'decrement', prefix: this.prefix, windowMs: this.windowMs, key })
  }

  resetKey(key: string): void {
    tellPrimary({ megilance: 'rate', op: 'reset', prefix: this.prefix, windowMs: this.windowMs, key })
  }
}
