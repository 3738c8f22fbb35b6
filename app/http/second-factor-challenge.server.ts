import type { SubmissionResult } from '@conform-to/react'
import { redirect } from '@remix-run/node'
import { json } from '~/http/json.server'
import * as z from 'zod'
import { formError } from '~/http/form-error.server'
import { parseIntent } from '~/http/intent.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import type { RequestOrigin } from '~/services/security/context'
import {
  availableMethodsOf,
  prepareSecondFactor,
  sendSecondFactorCode,
  verifySecondFactor,
  type AvailableMethod,
  type SecondFactorPurpose,
} from '~/services/security/second-factor.server'
import { Throttled } from '~/services/security/throttle.server'
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

/** A wrong or throttled answer: the form's error, and (as its `method` value) which method it was for. */
export type SecondFactorChallengeError = SubmissionResult

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('send'), method: z.string().default('') }),
  z.object({
    intent: z.literal('verify'),
    method: z.string().default(''),
    code: z.string().trim().default(''),
    response: z.string().default(''),
  }),
])

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
  const form = parseIntent(await readFormData(request), IntentSchema)
  const { method } = form
  const url = new URL(request.url)
  try {
    if (form.intent === 'send') {
      await sendSecondFactorCode(userId, method, origin, binding, purpose)
      url.search = new URLSearchParams({ ...Object.fromEntries(url.searchParams), method, sent: method }).toString()
      return redirect(`${url.pathname}${url.search}`)
    }
    const { code, response } = form
    if (!code && !response) return json(formError('Enter the code.', { method }), { status: 400 })
    const result = await verifySecondFactor(userId, method, { code, response }, origin, binding, purpose)
    if (result.ok) return { passed: true, established: result.established }
    return json(formError(result.message, { method }), { status: 400 })
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return tooManyAttempts(error, ([message]) => formError(message!, { method }))
  }
}
