/**
 * A screen being shared: its video track, and when the browser offered its sound, the microphone
 * and that sound mixed into one track (a peer connection sends one audio track).
 */
export type ScreenShare = { video: MediaStreamTrack; audio: MediaStreamTrack | null; stop: () => void }

export async function startScreenShare(microphone: MediaStreamTrack | null): Promise<ScreenShare> {
  const display = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: true })
  const [video] = display.getVideoTracks()
  if (!video) throw new Error('No screen was chosen')
  // Text on a screen should stay sharp: under load the encoder drops frames rather than resolution.
  video.contentHint = 'detail'
  const [screenAudio] = display.getAudioTracks()
  let context: AudioContext | null = null
  let audio: MediaStreamTrack | null = null
  if (screenAudio) {
    context = new AudioContext()
    const mix = context.createMediaStreamDestination()
    context.createMediaStreamSource(new MediaStream([screenAudio])).connect(mix)
    if (microphone) context.createMediaStreamSource(new MediaStream([microphone])).connect(mix)
    audio = mix.stream.getAudioTracks()[0] ?? null
  }
  return {
    video,
    audio,
    stop: () => {
      for (const track of display.getTracks()) track.stop()
      void context?.close()
    },
  }
}
