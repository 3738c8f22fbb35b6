import type { SecondFactorMethod } from '~/models/schema'
import type { RequestOrigin } from './context'

/** What the second-factor challenge sends back: a typed code, or a WebAuthn response as JSON. */
export type SecondFactorAnswer = { code: string; response: string }

/** One second-factor method. The challenge treats them all alike, at sign-in and at step-up. */
export type SecondFactorProvider = {
  method: SecondFactorMethod
  label: string
  /** WebAuthn runs in the browser; every other method is a plain form. */
  needsJavaScript: boolean
  isEnabledFor(userId: string): Promise<boolean>
  /** A hint for the user, such as where a code goes ("to +44 •••• 0042"). */
  hint?(userId: string): Promise<string>
  /** Data the page needs before answering (WebAuthn request options, with the challenge stored). */
  prepare?(userId: string): Promise<unknown>
  /** Sends a code (email, SMS) bound to `binding` (the pending sign-in or the session), so no other request can use it. */
  send?(userId: string, binding: string): Promise<void>
  /** `origin` is where the answer came from, for a method that logs its own use (a backup code). */
  verify(
    userId: string,
    answer: SecondFactorAnswer,
    now: Date,
    binding: string,
    origin: RequestOrigin,
  ): Promise<boolean>
  /**
   * When the factor was added; given an answer, the one that gave it (which WebAuthn credential).
   * Without it (email codes go to the account's own address) the method is never new.
   */
  addedAt?(userId: string, answer: SecondFactorAnswer | null): Promise<Date | null>
}

/**
 * Turns on a factor being set up (an authenticator app, a phone number) once the code it shows or
 * received comes back right; the new factor is logged. False when there is nothing to confirm or the
 * code is wrong.
 */
export type ConfirmFactorSetup = (userId: string, code: string, origin: RequestOrigin, now?: Date) => Promise<boolean>
