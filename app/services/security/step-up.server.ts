import { markSessionSecondFactor } from '~/models/sessions.server'
import { STEP_UP_WINDOW_MS } from './step-up'

/**
 * Records a passed step-up on the signed-in session it was passed on (the session comes from the
 * caller's own cookie, never from the form), opening the window for sensitive changes.
 */
export async function recordStepUp(session: { sessionId: string }, now = new Date()): Promise<{ until: Date }> {
  await markSessionSecondFactor(session.sessionId, now)
  return { until: new Date(now.getTime() + STEP_UP_WINDOW_MS) }
}
