import type { CallMedia } from './call-bus'

export type RecordingMode = 'video' | 'audio'

const TYPES: Record<RecordingMode, string[]> = {
  video: ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm', 'video/mp4'],
  audio: ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'],
}
const WIDTH = 1280
const HEIGHT = 720
const FRAMES_PER_SECOND = 15
/** MediaRecorder hands over a chunk each second; each is uploaded as it comes. */
const TIMESLICE_MS = 1000
const UPLOAD_TRIES = 5

/** Why the recording cannot go on, in words for the person recording. */
export class RecordingStopped extends Error {}

function pickType(mode: RecordingMode): string {
  const type = TYPES[mode].find((candidate) => MediaRecorder.isTypeSupported(candidate))
  if (!type) throw new RecordingStopped(`This browser cannot record ${mode}.`)
  return type
}

async function answerMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: string } | null
  return body?.message ?? `The server answered ${response.status}.`
}

/**
 * Everyone's audio mixed into one track through Web Audio, and (for video) everyone's picture
 * drawn side by side on a canvas; streams that join later are added as they appear.
 */
function mixCall(media: CallMedia, mode: RecordingMode) {
  const audio = new AudioContext()
  const mix = audio.createMediaStreamDestination()
  const canvas = document.createElement('canvas')
  canvas.width = WIDTH
  canvas.height = HEIGHT
  const painter = canvas.getContext('2d')
  const sources = new Map<MediaStream, { video: HTMLVideoElement; disconnect: () => void }>()

  function streams(): MediaStream[] {
    const local = media.localStream()
    return [...(local ? [local] : []), ...media.remoteStreams().values()]
  }

  function follow() {
    const now = streams()
    for (const stream of now) {
      if (sources.has(stream)) continue
      const node = stream.getAudioTracks().length ? audio.createMediaStreamSource(stream) : null
      node?.connect(mix)
      const video = document.createElement('video')
      video.muted = true
      video.playsInline = true
      video.srcObject = stream
      if (mode === 'video') void video.play().catch(() => undefined)
      sources.set(stream, { video, disconnect: () => node?.disconnect() })
    }
    for (const [stream, source] of sources) {
      if (now.includes(stream)) continue
      source.disconnect()
      source.video.srcObject = null
      sources.delete(stream)
    }
  }

  function paint() {
    if (!painter) return
    painter.fillStyle = '#111'
    painter.fillRect(0, 0, WIDTH, HEIGHT)
    const tiles = [...sources.values()].map((source) => source.video)
    const columns = Math.ceil(Math.sqrt(tiles.length))
    const rows = Math.ceil(tiles.length / Math.max(columns, 1))
    const tileWidth = WIDTH / Math.max(columns, 1)
    const tileHeight = HEIGHT / Math.max(rows, 1)
    tiles.forEach((video, index) => {
      if (!video.videoWidth) return
      // Fit the picture in its tile, keeping its shape.
      const scale = Math.min(tileWidth / video.videoWidth, tileHeight / video.videoHeight)
      const width = video.videoWidth * scale
      const height = video.videoHeight * scale
      const x = (index % columns) * tileWidth + (tileWidth - width) / 2
      const y = Math.floor(index / columns) * tileHeight + (tileHeight - height) / 2
      painter.drawImage(video, x, y, width, height)
    })
  }

  follow()
  const following = setInterval(follow, 1000)
  const painting = mode === 'video' ? setInterval(paint, 1000 / FRAMES_PER_SECOND) : undefined
  const tracks =
    mode === 'video'
      ? [...canvas.captureStream(FRAMES_PER_SECOND).getVideoTracks(), ...mix.stream.getAudioTracks()]
      : mix.stream.getAudioTracks()
  return {
    stream: new MediaStream(tracks),
    close() {
      clearInterval(following)
      clearInterval(painting)
      tracks.forEach((track) => track.stop())
      for (const source of sources.values()) source.video.srcObject = null
      void audio.close()
    },
  }
}

/** Sends chunks one after another in order, retrying each a few times before giving up. */
function chunkUploader(baseUrl: string, onRefused: (message: string) => void) {
  let queue: Promise<void> = Promise.resolve()
  let index = 0
  let refused = false

  async function send(chunkIndex: number, chunk: Blob) {
    for (let attempt = 1; !refused; attempt++) {
      try {
        const response = await fetch(`${baseUrl}/chunks/${chunkIndex}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
          body: chunk,
        })
        if (response.ok) return
        // A refusal (size limit reached, recording stopped) will not change on a retry.
        if (response.status < 500) {
          refused = true
          onRefused(await answerMessage(response))
          return
        }
      } catch {
        // The network dropped: try again below.
      }
      if (attempt >= UPLOAD_TRIES) {
        refused = true
        onRefused('The recording could not be uploaded; the connection to the server is lost.')
        return
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt))
    }
  }

  return {
    add(chunk: Blob) {
      const chunkIndex = index++
      queue = queue.then(() => send(chunkIndex, chunk))
    },
    drained: () => queue,
  }
}

export type CallRecorder = { recordingId: string; mode: RecordingMode; stop: () => Promise<void> }

/**
 * Starts recording the call: registers the recording with the server, then records the mixed call
 * and uploads each chunk as it is made. `onStopped` is told when the server refuses to go on
 * (e.g. the size limit), after the recorder has stopped.
 */
export async function startCallRecorder(input: {
  callId: string
  mode: RecordingMode
  media: CallMedia
  onStopped: (message: string) => void
}): Promise<CallRecorder> {
  const contentType = pickType(input.mode)
  const started = await fetch(`/calls/${input.callId}/recordings`, {
    method: 'POST',
    body: new URLSearchParams({ mode: input.mode, contentType }),
  })
  if (!started.ok) throw new RecordingStopped(await answerMessage(started))
  const { recordingId } = (await started.json()) as { recordingId: string }
  const baseUrl = `/calls/${input.callId}/recordings/${recordingId}`
  const mixed = mixCall(input.media, input.mode)
  const recorder = new MediaRecorder(mixed.stream, { mimeType: contentType })
  let stopping: Promise<void> | null = null
  const uploads = chunkUploader(baseUrl, (message) => {
    void stop().then(() => input.onStopped(message))
  })
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size > 0) uploads.add(event.data)
  })
  const stopped = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve()))
  recorder.start(TIMESLICE_MS)
  const began = performance.now()

  function stop(): Promise<void> {
    stopping ??= (async () => {
      const recordedMs = Math.round(performance.now() - began)
      if (recorder.state !== 'inactive') recorder.stop()
      await stopped
      mixed.close()
      await uploads.drained()
      await fetch(`${baseUrl}/stop`, { method: 'POST', body: new URLSearchParams({ recordedMs: String(recordedMs) }) })
    })()
    return stopping
  }

  return { recordingId, mode: input.mode, stop }
}
