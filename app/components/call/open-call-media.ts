import { audioConstraints, videoConstraints, type Quality } from './media-constraints'

type GetUserMedia = (constraints: MediaStreamConstraints) => Promise<MediaStream>

/** What could be opened: both, or one of the two when the other is missing (a desktop with no camera). */
export type OpenedMedia = { stream: MediaStream; missing: 'camera' | 'microphone' | null }

/** Why nothing could be opened: the browser (or the person) said no, or no device answered. */
export class CallMediaProblem extends Error {
  constructor(readonly reason: 'blocked' | 'no-device') {
    super(reason)
  }
}

// A refusal covers both devices, so asking for one of them alone would only be refused again.
const REFUSALS = new Set(['NotAllowedError', 'SecurityError'])

/**
 * Opens the camera and microphone for a call. Many computers have a microphone and no camera (or a
 * camera another app holds): rather than keep such a person out of the call, it joins with the one
 * that opens, and says which is missing.
 */
export async function openCallMedia(
  choice: { quality: Quality; cameraId: string; microphoneId: string },
  getUserMedia: GetUserMedia = (constraints) => navigator.mediaDevices.getUserMedia(constraints),
): Promise<OpenedMedia> {
  const video = videoConstraints(choice.quality, choice.cameraId)
  const audio = audioConstraints(choice.microphoneId)
  try {
    return { stream: await getUserMedia({ video, audio }), missing: null }
  } catch (error) {
    if (error instanceof Error && REFUSALS.has(error.name)) throw new CallMediaProblem('blocked')
  }
  for (const [constraints, missing] of [
    [{ audio }, 'camera'],
    [{ video }, 'microphone'],
  ] as const) {
    try {
      return { stream: await getUserMedia(constraints), missing }
    } catch {
      // Try the other one on its own.
    }
  }
  throw new CallMediaProblem('no-device')
}

/** The lobby's words for what happened, in terms of what the person can do about it. */
export function callMediaText(outcome: CallMediaProblem['reason'] | OpenedMedia['missing']): string | null {
  switch (outcome) {
    case 'blocked':
      return 'Your browser is not letting this page use your camera and microphone. Allow them for this site (usually from the icon at the left of the address bar), then press Try again.'
    case 'no-device':
      return 'No camera or microphone could be opened on this device. Plug one in, or close another app that is using it, then press Try again.'
    case 'camera':
      return 'No camera could be opened, so you join with your microphone only: the others hear you but do not see you.'
    case 'microphone':
      return 'No microphone could be opened, so you join with your camera only: the others see you but cannot hear you.'
    default:
      return null
  }
}
