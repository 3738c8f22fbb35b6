import { saveStepUpDraft, takeStepUpDraft } from '~/models/step-up-drafts.server'
import { DRAFT_LIFETIME_MS, draftFieldsOf, type DraftFields } from './step-up-drafts'

/**
 * A form sent without the recent second factor it needs is kept on the server, for the session that
 * sent it and the page it came from, so the page can show it again (not send it) once confirmed.
 */
export async function keepFormDuringStepUp(
  session: { sessionId: string },
  path: string,
  formData: FormData,
  now = new Date(),
): Promise<void> {
  const fields = draftFieldsOf(formData)
  if (!fields) return
  await saveStepUpDraft({
    sessionId: session.sessionId,
    path,
    fields,
    expiresAt: new Date(now.getTime() + DRAFT_LIFETIME_MS),
    now,
  })
}

/** The form this session kept for the page at `path`, once: reading it deletes it. */
export async function takeFormKeptDuringStepUp(
  session: { sessionId: string },
  path: string,
  now = new Date(),
): Promise<DraftFields | null> {
  return takeStepUpDraft(session.sessionId, path, now)
}
