import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { CallMediaProblem, callMediaText } from './open-call-media'
import type { CallBus, CallMedia } from './call-bus'
import type { CallMesh, SelfState } from './call-mesh'
import { videoConstraints, type Quality } from './media-constraints'
import { RemoteTile, STATE_LABEL } from './remote-tile'
import { startScreenShare, type ScreenShare } from './screen-share'
import { AlertMessage } from '~/components/ui/alert-message'

const SELF_LABEL = {
  joining: 'Joining…',
  connected: 'In the call',
  reconnecting: 'Reconnecting…',
  left: 'You left the call',
}
const SELF_IN_LIST: Record<SelfState, string> = {
  joining: 'joining…',
  connected: 'in the call',
  reconnecting: 'reconnecting…',
  left: 'left the call',
}

/** What a feature mounted in the room (whiteboard, recording) gets: the call, only through these. */
type LiveCall = { bus: CallBus; media: CallMedia }

/**
 * The call itself: videos, controls, participants. `toolbar` and `aside` are where features
 * (recording, whiteboard) mount, given the live call.
 */
export type InCallFeatures = {
  /** Feature controls in the toolbar (recording). */
  toolbar?: (call: LiveCall) => ReactNode
  /** A feature panel beside the videos (the whiteboard). */
  aside?: (call: LiveCall) => ReactNode
}

type InCallProps = {
  mesh: CallMesh
  speakerId: string
  quality: Quality
  onLeave: () => void
  /** Opens the camera and microphone again and rejoins the same call. */
  onRejoin: () => Promise<void>
} & InCallFeatures

export function InCall(props: InCallProps) {
  const { mesh } = props
  useSyncExternalStore(
    (listener) => mesh.subscribeChanges(listener),
    () => mesh.snapshot(),
    () => 0,
  )
  const view = mesh.view()
  const local = useRef<HTMLVideoElement>(null)
  const camera = useRef<MediaStreamTrack | null>(mesh.localStream()?.getVideoTracks()[0] ?? null)
  const microphone = useRef<MediaStreamTrack | null>(mesh.localStream()?.getAudioTracks()[0] ?? null)
  const [screen, setScreen] = useState<ScreenShare | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const live: LiveCall = useMemo(() => ({ bus: mesh, media: mesh }), [mesh])
  const rejoinButton = useRef<HTMLButtonElement>(null)
  const left = view.self === 'left'

  useEffect(() => {
    if (local.current) local.current.srcObject = mesh.localStream()
  }, [mesh])

  // Leave replaces the controls with Rejoin: keyboard focus goes there rather than to the page.
  useEffect(() => {
    if (left) rejoinButton.current?.focus()
  }, [left])

  async function rejoin() {
    setProblem(null)
    try {
      await props.onRejoin()
    } catch (error) {
      setProblem(callMediaText(error instanceof CallMediaProblem ? error.reason : 'no-device'))
      return
    }
    const stream = mesh.localStream()
    camera.current = stream?.getVideoTracks()[0] ?? null
    microphone.current = stream?.getAudioTracks()[0] ?? null
    if (local.current) {
      local.current.srcObject = null
      local.current.srcObject = stream
    }
  }

  async function stopSharing(share: ScreenShare) {
    share.stop()
    setScreen(null)
    if (camera.current) await mesh.replaceTrack(camera.current)
    if (share.audio && microphone.current) await mesh.replaceTrack(microphone.current)
  }

  async function shareScreen() {
    try {
      const share = await startScreenShare(microphone.current)
      // The browser's own "Stop sharing" ends the track.
      share.video.addEventListener('ended', () => void stopSharing(share))
      setScreen(share)
      setProblem(null)
      await mesh.replaceTrack(share.video)
      if (share.audio) await mesh.replaceTrack(share.audio)
    } catch (error) {
      setProblem(`The screen could not be shared (${error instanceof Error ? error.message : 'refused'}).`)
    }
  }

  async function switchCamera() {
    const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput')
    const currentId = camera.current?.getSettings().deviceId
    const next = cameras[(cameras.findIndex((d) => d.deviceId === currentId) + 1) % Math.max(cameras.length, 1)]
    if (!next) return
    try {
      const media = await navigator.mediaDevices.getUserMedia({ video: videoConstraints(props.quality, next.deviceId) })
      const [track] = media.getVideoTracks()
      if (!track) return
      track.enabled = !view.cameraOff
      camera.current?.stop()
      camera.current = track
      if (!screen) await mesh.replaceTrack(track)
    } catch (error) {
      setProblem(`The camera could not be switched (${error instanceof Error ? error.message : 'refused'}).`)
    }
  }

  const others = view.remotes

  return (
    <div className="call-room">
      <p role="status" className="call-room__status">
        {view.refusal ? `You are not in the call: ${view.refusal}` : SELF_LABEL[view.self]}
      </p>
      <AlertMessage message={problem} />
      <div className="call-room__stage">
        <div className="call-room__main">
          <div className="call-room__videos">
            <figure className="call-tile call-tile--self">
              <video ref={local} autoPlay playsInline muted aria-label="Your video" />
              <figcaption>
                You{view.muted ? ' · muted' : ''}
                {view.cameraOff ? ' · camera off' : ''}
                {screen ? ' · sharing your screen' : ''}
              </figcaption>
            </figure>
            {left
              ? null
              : others
                  .filter((remote) => remote.state !== 'left')
                  .map((remote) => <RemoteTile key={remote.peerId} remote={remote} speakerId={props.speakerId} />)}
          </div>
          {/* Before the feature panels: on a narrow screen the controls come right under the videos. */}
          {left ? (
            <div className="call-room__controls">
              <button ref={rejoinButton} type="button" className="button button--primary" onClick={() => void rejoin()}>
                Rejoin
              </button>
            </div>
          ) : (
            <div className="call-room__controls" role="toolbar" aria-label="Call controls">
              {/* Toggles keep their label; aria-pressed (and its look) says which way they are. */}
              <button
                type="button"
                className="button"
                aria-pressed={view.muted}
                onClick={() => mesh.setMuted(!view.muted)}
              >
                Mute
              </button>
              <button
                type="button"
                className="button"
                aria-pressed={view.cameraOff}
                onClick={() => {
                  if (camera.current) camera.current.enabled = view.cameraOff
                  mesh.setCameraOff(!view.cameraOff)
                }}
              >
                Camera off
              </button>
              <button type="button" className="button" onClick={() => void switchCamera()}>
                Switch camera
              </button>
              <button
                type="button"
                className="button"
                aria-pressed={screen !== null}
                onClick={() => void (screen ? stopSharing(screen) : shareScreen())}
              >
                Share screen
              </button>
              {/* Feature controls (recording) mount here. */}
              {props.toolbar?.(live)}
              <button
                type="button"
                className="button button--danger"
                onClick={() => {
                  screen?.stop()
                  setScreen(null)
                  props.onLeave()
                }}
              >
                Leave
              </button>
            </div>
          )}
        </div>
        {/* Feature panels (the whiteboard) mount here, beside the videos. */}
        {props.aside ? <aside className="call-room__aside">{props.aside(live)}</aside> : null}
      </div>
      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">Participants</h2>
        <ul className="call-room__participants">
          <li>You · {SELF_IN_LIST[view.self]}</li>
          {others.map((remote) => (
            <li key={remote.peerId} data-peer={remote.peerId}>
              {remote.name} ·{' '}
              {left && remote.state !== 'left' ? 'in the call when you left' : STATE_LABEL[remote.state]}
              {remote.muted && remote.state !== 'left' && !left ? ' · muted' : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
