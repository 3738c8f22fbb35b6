import { contextWordIn } from './context-words'
import { isCommonPassword } from './passwords.server'

const COMMON_PASSWORD_MESSAGE = 'This password is too common; choose one that is harder to guess'
const CONTEXT_PASSWORD_MESSAGE = 'Do not build your password from “MegiLance”, your name or your email address'

/** Why a new password would be easy to guess, or null. Length rules live in the form schema. */
export function passwordProblem(password: string, person: { email: string; name: string }): string | null {
  if (isCommonPassword(password)) return COMMON_PASSWORD_MESSAGE
  if (contextWordIn(password, person)) return CONTEXT_PASSWORD_MESSAGE
  return null
}
