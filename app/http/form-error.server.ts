import type { Submission, SubmissionResult } from '@conform-to/react'

/**
 * A message about the whole form, in conform's reply shape (what `submission.reply({ formErrors })`
 * returns), for forms that are not parsed with conform. Every form page shows it with FormAlert;
 * `initialValue` keeps what the page needs to re-render (e.g. which method was being answered).
 */
export function formError(message: string, initialValue?: Record<string, string>): SubmissionResult {
  return { status: 'error', ...(initialValue ? { initialValue } : {}), error: { '': [message] } }
}

/**
 * A service's refusal as the form's reply: its message under the field it names, or over the whole
 * form when it names none. `hideFields` (passwords) are not sent back.
 */
export function refusalReply(
  submission: Pick<Submission<unknown>, 'reply'>,
  refusal: { field?: string | null; message: string },
  hideFields?: string[],
): SubmissionResult {
  return submission.reply(
    refusal.field
      ? { fieldErrors: { [refusal.field]: [refusal.message] }, hideFields }
      : { formErrors: [refusal.message], hideFields },
  )
}
