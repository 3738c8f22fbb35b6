import { useEffect, useRef } from 'react'
import type { PeerState, RemotePeer } from './call-mesh'
import { playOn } from './media-constraints'

export const STATE_LABEL: Record<PeerState, string> = {
  connecting: 'connecting',
  connected: 'connected',
  reconnecting: 'reconnecting…',
  left: 'left',
}

/** One other person's video (with their sound), on the chosen speaker. */
export function RemoteTile({ remote, speakerId }: { remote: RemotePeer; speakerId: string }) {
  const video = useRef<HTMLVideoElement>(null)
  useEffect(() => {
    if (video.current && video.current.srcObject !== remote.stream) video.current.srcObject = remote.stream
  }, [remote.stream])
  useEffect(() => {
    if (video.current) playOn(video.current, speakerId)
  }, [speakerId])
  return (
    <figure className="call-tile" data-state={remote.state}>
      {/* eslint-disable-next-line jsx-a11y/media-has-caption -- a live call has no caption track to give */}
      <video ref={video} autoPlay playsInline data-remote-peer={remote.peerId} aria-label={`Video of ${remote.name}`} />
      <figcaption>
        {remote.name} · {STATE_LABEL[remote.state]}
        {remote.muted ? ' · muted' : ''}
        {remote.cameraOff ? ' · camera off' : ''}
      </figcaption>
    </figure>
  )
}
