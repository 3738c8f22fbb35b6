import type { LiveRateSource, ProviderRate } from '~/domain/exchange-rates'

/**
 * A live source of exchange rates. Adapters throw on any failure (network, timeout, bad payload);
 * the caller then falls back to the last cached rates or the shipped snapshot.
 */
export interface RateProvider {
  readonly source: LiveRateSource
  fetchRates(): Promise<ProviderRate[]>
}

export class RateProviderError extends Error {
  constructor(source: LiveRateSource, message: string, options?: { cause?: unknown }) {
    super(`${source}: ${message}`, options)
    this.name = 'RateProviderError'
  }
}

/** fetch with a deadline, so a slow provider never holds a page for long. */
export async function fetchWithTimeout(
  source: LiveRateSource,
  url: string,
  timeoutMs: number,
  init: RequestInit = {},
): Promise<Response> {
  let response: Response
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
    throw new RateProviderError(source, timedOut ? `no answer within ${timeoutMs} ms` : 'request failed', {
      cause: error,
    })
  }
  if (!response.ok) throw new RateProviderError(source, `HTTP ${response.status}`)
  return response
}
