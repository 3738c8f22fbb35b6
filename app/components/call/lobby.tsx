import { useEffect, useRef, useState } from 'react'
import { canChooseSpeaker, QUALITIES, type Quality } from './media-constraints'
import { CallMediaProblem, callMediaText, openCallMedia } from './open-call-media'
import { CardSection } from '~/components/ui/card-section'
import { AlertMessage } from '~/components/ui/alert-message'

export type LobbyChoice = {
  stream: MediaStream
  speakerId: string
  quality: Quality
  cameraId: string
  microphoneId: string
}

function stopAll(stream: MediaStream | null) {
  for (const track of stream?.getTracks() ?? []) track.stop()
}

/** Camera and microphone preview with device and quality choice, before joining. */
export function Lobby({ onJoin }: { onJoin: (choice: LobbyChoice) => void }) {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([])
  const [cameraId, setCameraId] = useState('')
  const [microphoneId, setMicrophoneId] = useState('')
  const [speakerId, setSpeakerId] = useState('')
  const [quality, setQuality] = useState<Quality>('720p')
  const [stream, setStream] = useState<MediaStream | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  // Bumped by "Try again", after the person plugged a device in or allowed the site.
  const [attempt, setAttempt] = useState(0)
  const preview = useRef<HTMLVideoElement>(null)
  const handedOver = useRef(false)

  useEffect(() => {
    let cancelled = false
    let opened: MediaStream | null = null
    openCallMedia({ quality, cameraId, microphoneId })
      .then(async ({ stream: media, missing }) => {
        opened = media
        if (cancelled) return stopAll(media)
        setStream(media)
        setProblem(null)
        setNotice(callMediaText(missing))
        setDevices(await navigator.mediaDevices.enumerateDevices())
      })
      .catch((error: unknown) => {
        if (cancelled) return
        setNotice(null)
        setProblem(callMediaText(error instanceof CallMediaProblem ? error.reason : 'no-device'))
      })
    return () => {
      cancelled = true
      if (!handedOver.current) stopAll(opened)
    }
  }, [quality, cameraId, microphoneId, attempt])

  useEffect(() => {
    if (preview.current) preview.current.srcObject = stream
  }, [stream])

  const cameras = devices.filter((device) => device.kind === 'videoinput')
  const microphones = devices.filter((device) => device.kind === 'audioinput')
  const speakers = devices.filter((device) => device.kind === 'audiooutput')

  return (
    <CardSection id="lobby-heading" title="Check your camera and microphone" className="call-lobby">
      <video ref={preview} className="call-lobby__preview" autoPlay playsInline muted aria-label="Your camera" />
      <AlertMessage message={problem} />
      {notice ? <p role="status">{notice}</p> : null}
      {problem ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </p>
      ) : null}
      <div className="form-stack">
        <DeviceSelect label="Camera" value={cameraId} onChange={setCameraId} devices={cameras} />
        <DeviceSelect label="Microphone" value={microphoneId} onChange={setMicrophoneId} devices={microphones} />
        {canChooseSpeaker() && speakers.length ? (
          <DeviceSelect label="Speaker" value={speakerId} onChange={setSpeakerId} devices={speakers} />
        ) : null}
        <div className="field">
          <label htmlFor="call-quality">Video quality</label>
          <select id="call-quality" value={quality} onChange={(event) => setQuality(event.target.value as Quality)}>
            {Object.keys(QUALITIES).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--primary"
          disabled={!stream}
          onClick={() => {
            if (!stream) return
            handedOver.current = true
            onJoin({ stream, speakerId, quality, cameraId, microphoneId })
          }}
        >
          Join the call
        </button>
      </div>
    </CardSection>
  )
}

function DeviceSelect(props: {
  label: string
  value: string
  onChange: (id: string) => void
  devices: MediaDeviceInfo[]
}) {
  const id = `call-${props.label.toLowerCase()}`
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">Default</option>
        {props.devices.map((device, index) => (
          <option key={device.deviceId || index} value={device.deviceId}>
            {device.label || `${props.label} ${index + 1}`}
          </option>
        ))}
      </select>
    </div>
  )
}
