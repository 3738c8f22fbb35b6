import { logger } from '~/utils/logger.server'

/**
 * What email and SMS delivery share: a transport is chosen once, from the environment (the real
 * adapter when configured, else the embedded outbox), and a delivery that fails is logged and
 * reported, never thrown at the user.
 */
export type Transport = { readonly name: string }

/** The transport `choose` picks, chosen on first use and kept. */
export function chosenOnce<T extends Transport>(choose: () => T) {
  let chosen: T | undefined
  const get = () => (chosen ??= choose())
  return {
    get,
    /** Whether messages stay in the embedded outbox (the UI says so). */
    isSandboxed: () => get().name === 'outbox',
  }
}

/** Runs `deliver`; null when it worked, else the error's message, logged with `context` as `failure`. */
export async function deliveryError(
  deliver: () => Promise<void>,
  context: Record<string, unknown>,
  failure: string,
): Promise<string | null> {
  try {
    await deliver()
    return null
  } catch (cause) {
    logger.error({ err: cause, ...context }, failure)
    return cause instanceof Error ? cause.message : String(cause)
  }
}
