import type { SubmissionResult } from '@conform-to/react'

/**
 * A message about the whole form, in conform's reply shape (what `submission.reply({ formErrors })`
 * returns), for forms that are not parsed with conform. Every form page shows it with FormAlert;
 * `initialValue` keeps what the page needs to re-render (e.g. which method was being answered).
 */
export function formError(message: string, initialValue?: Record<string, string>): SubmissionResult {
  return { status: 'error', ...(initialValue ? { initialValue } : {}), error: { '': [message] } }
}
