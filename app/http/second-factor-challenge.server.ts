import { json, redirect } from '@remix-run/node'
import type { RequestOrigin } from '~/services/security/context'
import {
  availableMethodsOf,
  prepareSecondFactor,
  sendSecondFactorCode,
  verifySecondFactor,
  type AvailableMethod,
  type SecondFactorPurpose,
} from '~/services/security/second-factor.server'
import { Throttled, tooManyAttemptsHeaders } from '~/services/security/throttle.server'
import { readFormData } from './form-data.server'

export type SecondFactorChallenge = {
  methods: AvailableMethod[]
  chosen: AvailableMethod
  prepared?: unknown
  /** The method a code was just sent for, so the page can say so. */
  sent: string | null
}

/**
 * The second-factor challenge (at sign-in, or as a step-up): the user's methods, the chosen one, and
 * what it needs.
 */
export async function loadSecondFactorChallenge(
  userId: string,
  url: URL,
  purpose: SecondFactorPurpose,
): Promise<SecondFactorChallenge> {
  const methods = await availableMethodsOf(userId, purpose)
  const chosen = methods.find((m) => m.method === url.searchParams.get('method')) ?? methods[0]!
  const prepared = chosen.needsJavaScript ? await prepareSecondFactor(userId, chosen.method, purpose) : null
  return { methods, chosen, prepared, sent: url.searchParams.get('sent') }
}

export type SecondFactorChallengeError = { error: string; method: string }

/**
 * Handles the challenge form for sign-in and step-up alike: "send a code" redirects back
 * saying it was sent; a right answer returns `passed` (and whether the factor is `established`, older
 * than a day); a wrong one is a 400 with a message, and too many wrong ones a 429 with Retry-After.
 */
export async function submitSecondFactorChallenge(
  request: Request,
  userId: string,
  origin: RequestOrigin,
  /** The pending sign-in or the session: codes sent here work only here. */
  binding: string,
  purpose: SecondFactorPurpose,
): Promise<{ passed: true; established: boolean } | Response> {
  const form = await readFormData(request)
  const method = String(form.get('method') ?? '')
  const intent = form.get('intent')
  const url = new URL(request.url)
  try {
    if (intent === 'send') {
      await sendSecondFactorCode(userId, method, origin, binding, purpose)
      url.search = new URLSearchParams({ ...Object.fromEntries(url.searchParams), method, sent: method }).toString()
      return redirect(`${url.pathname}${url.search}`)
    }
    const code = String(form.get('code') ?? '').trim()
    const response = String(form.get('response') ?? '')
    if (!code && !response)
      return json<SecondFactorChallengeError>({ error: 'Enter the code.', method }, { status: 400 })
    const result = await verifySecondFactor(userId, method, { code, response }, origin, binding, purpose)
    if (result.ok) return { passed: true, established: result.established }
    return json<SecondFactorChallengeError>({ error: result.message, method }, { status: 400 })
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return json<SecondFactorChallengeError>(
      { error: error.message, method },
      { status: 429, headers: tooManyAttemptsHeaders(error) },
    )
  }
}
