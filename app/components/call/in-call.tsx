import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { CallBus, CallMedia } from './call-bus'
import type { CallMesh } from './call-mesh'
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

export function InCall(
  props: { mesh: CallMesh; speakerId: string; quality: Quality; onLeave: () => void } & InCallFeatures,
) {
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

  useEffect(() => {
    if (local.current) local.current.srcObject = mesh.localStream()
  }, [mesh])

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
        {SELF_LABEL[view.self]}
        {view.refusal ? `: ${view.refusal}` : null}
      </p>
      <AlertMessage message={problem} />
      <div className="call-room__stage">
        <div className="call-room__videos">
          <figure className="call-tile call-tile--self">
            <video ref={local} autoPlay playsInline muted aria-label="Your video" />
            <figcaption>
              You{view.muted ? ' · muted' : ''}
              {view.cameraOff ? ' · camera off' : ''}
              {screen ? ' · sharing your screen' : ''}
            </figcaption>
          </figure>
          {others
            .filter((remote) => remote.state !== 'left')
            .map((remote) => (
              <RemoteTile key={remote.peerId} remote={remote} speakerId={props.speakerId} />
            ))}
        </div>
        {/* Feature panels (the whiteboard) mount here, beside the videos. */}
        {props.aside ? <aside className="call-room__aside">{props.aside(live)}</aside> : null}
      </div>
      {view.self !== 'left' ? (
        <div className="call-room__controls" role="toolbar" aria-label="Call controls">
          <button type="button" className="button" aria-pressed={view.muted} onClick={() => mesh.setMuted(!view.muted)}>
            {view.muted ? 'Unmute' : 'Mute'}
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
            {view.cameraOff ? 'Turn camera on' : 'Turn camera off'}
          </button>
          <button type="button" className="button" onClick={() => void switchCamera()}>
            Switch camera
          </button>
          {screen ? (
            <button type="button" className="button" onClick={() => void stopSharing(screen)}>
              Stop sharing
            </button>
          ) : (
            <button type="button" className="button" onClick={() => void shareScreen()}>
              Share screen
            </button>
          )}
          {/* Feature controls (recording) mount here. */}
          {props.toolbar?.(live)}
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              screen?.stop()
              props.onLeave()
            }}
          >
            Leave
          </button>
        </div>
      ) : null}
      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">Participants</h2>
        <ul className="call-room__participants">
          <li>You · {SELF_LABEL[view.self].toLowerCase()}</li>
          {others.map((remote) => (
            <li key={remote.peerId} data-peer={remote.peerId}>
              {remote.name} · {STATE_LABEL[remote.state]}
              {remote.muted && remote.state !== 'left' ? ' · muted' : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
