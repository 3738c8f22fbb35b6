import { json, redirect } from '@remix-run/node'
import type { RequestOrigin } from '~/services/security/context'
import {
  availableMethodsOf,
  prepareSecondFactor,
  sendSecondFactorCode,
  verifySecondFactor,
  type AvailableMethod,
  type SecondStepPurpose,
} from '~/services/security/second-factor.server'
import { Throttled, tooManyAttemptsHeaders } from '~/services/security/throttle.server'
import { readFormData } from './form-data.server'

export type SecondStepData = {
  methods: AvailableMethod[]
  chosen: AvailableMethod
  prepared?: unknown
  /** The method a code was just sent for, so the page can say so. */
  sent: string | null
}

/** What the second-step page shows: the user's methods, the chosen one, and what it needs. */
export async function loadSecondStep(userId: string, url: URL, purpose: SecondStepPurpose): Promise<SecondStepData> {
  const methods = await availableMethodsOf(userId, purpose)
  const chosen = methods.find((m) => m.method === url.searchParams.get('method')) ?? methods[0]!
  const prepared = chosen.needsJavaScript ? await prepareSecondFactor(userId, chosen.method, purpose) : null
  return { methods, chosen, prepared, sent: url.searchParams.get('sent') }
}

export type SecondStepError = { error: string; method: string }

/**
 * Handles the second-step form for sign-in and step-up alike: "send a code" redirects back
 * saying it was sent; a right answer returns `passed` (and whether the factor is `established`, older
 * than a day); a wrong one is a 400 with a message, and too many wrong ones a 429 with Retry-After.
 */
export async function submitSecondStep(
  request: Request,
  userId: string,
  origin: RequestOrigin,
  /** The pending sign-in or the session: codes sent here work only here. */
  binding: string,
  purpose: SecondStepPurpose,
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
    if (!code && !response) return json<SecondStepError>({ error: 'Enter the code.', method }, { status: 400 })
    const result = await verifySecondFactor(userId, method, { code, response }, origin, binding, purpose)
    if (result.ok) return { passed: true, established: result.established }
    return json<SecondStepError>({ error: result.message, method }, { status: 400 })
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return json<SecondStepError>(
      { error: error.message, method },
      { status: 429, headers: tooManyAttemptsHeaders(error) },
    )
  }
}
