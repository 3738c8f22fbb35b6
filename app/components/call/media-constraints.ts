/** The quality choices and the capture size each asks the camera for. */
export const QUALITIES = {
  '360p': { width: 640, height: 360 },
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
} as const
export type Quality = keyof typeof QUALITIES

export function videoConstraints(quality: Quality, cameraId: string): MediaTrackConstraints {
  const size = QUALITIES[quality]
  return {
    width: { ideal: size.width },
    height: { ideal: size.height },
    ...(cameraId ? { deviceId: { exact: cameraId } } : {}),
  }
}

export function audioConstraints(microphoneId: string): MediaTrackConstraints | boolean {
  return microphoneId ? { deviceId: { exact: microphoneId } } : true
}

/** Whether the browser lets a page choose where audio plays (HTMLMediaElement.setSinkId). */
export function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype
}

/** Plays `element` on the chosen speaker where the browser allows it. */
export function playOn(element: HTMLMediaElement, speakerId: string) {
  const withSink = element as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> }
  if (speakerId && withSink.setSinkId) void withSink.setSinkId(speakerId).catch(() => undefined)
}
