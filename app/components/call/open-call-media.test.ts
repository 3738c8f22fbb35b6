import { describe, expect, it } from 'vitest'
import { CallMediaProblem, callMediaText, openCallMedia } from './open-call-media'

const choice = { quality: '720p', cameraId: '', microphoneId: '' } as const

function domError(name: string) {
  return Object.assign(new Error(name), { name })
}

/** A browser whose devices are `present`; asking for one that is not fails as Chromium does. */
function browserWith(present: { camera: boolean; microphone: boolean }, asked: MediaStreamConstraints[]) {
  return async (constraints: MediaStreamConstraints) => {
    asked.push(constraints)
    if ((constraints.video && !present.camera) || (constraints.audio && !present.microphone))
      throw domError('NotFoundError')
    return { id: JSON.stringify(Object.keys(constraints)) } as unknown as MediaStream
  }
}

describe('openCallMedia', () => {
  it('opens both when both are there, asking once', async () => {
    const asked: MediaStreamConstraints[] = []
    const opened = await openCallMedia(choice, browserWith({ camera: true, microphone: true }, asked))
    expect(opened.missing).toBeNull()
    expect(asked).toHaveLength(1)
  })

  it('joins with the microphone alone on a computer without a camera, and says so', async () => {
    const asked: MediaStreamConstraints[] = []
    const opened = await openCallMedia(choice, browserWith({ camera: false, microphone: true }, asked))
    expect(opened.missing).toBe('camera')
    expect(asked.at(-1)).toEqual({ audio: true })
    expect(callMediaText(opened.missing)).toBe(
      'No camera could be opened, so you join with your microphone only: the others hear you but do not see you.',
    )
  })

  it('joins with the camera alone when there is no microphone', async () => {
    const opened = await openCallMedia(choice, browserWith({ camera: true, microphone: false }, []))
    expect(opened.missing).toBe('microphone')
  })

  it('with neither, says to plug one in; a refusal says how to allow them, without asking again', async () => {
    await expect(openCallMedia(choice, browserWith({ camera: false, microphone: false }, []))).rejects.toEqual(
      new CallMediaProblem('no-device'),
    )
    const asked: MediaStreamConstraints[] = []
    const refused = openCallMedia(choice, async (constraints) => {
      asked.push(constraints)
      throw domError('NotAllowedError')
    })
    await expect(refused).rejects.toMatchObject({ reason: 'blocked' })
    expect(asked).toHaveLength(1)
    expect(callMediaText('blocked')).toContain('Allow them for this site')
    expect(callMediaText('no-device')).toContain('Plug one in')
  })
})
