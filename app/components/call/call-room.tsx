import { useEffect, useState } from 'react'
import { CallMesh, type Admission } from './call-mesh'
import { InCall, type InCallFeatures } from './in-call'
import { Lobby, type LobbyChoice } from './lobby'
import { openCallMedia } from './open-call-media'

type CallRoomProps = {
  callId: string
  me: { userId: string; name: string }
  iceServers: RTCIceServer[]
} & InCallFeatures

async function admit(callId: string): Promise<Admission> {
  const response = await fetch(`/calls/${callId}/admit`, { method: 'POST', headers: { Accept: 'application/json' } })
  if (response.ok || response.status === 409) return (await response.json()) as Admission
  throw new Error(`Admission failed with ${response.status}`)
}

/** Loaded only here, in the browser: no other page's JavaScript carries PeerJS. */
async function loadPeer() {
  const module = await import('peerjs')
  return module.Peer
}

/** The live room: the lobby, then the call. Runs only in the browser. */
export function CallRoom(props: CallRoomProps) {
  const [joined, setJoined] = useState<{ mesh: CallMesh; choice: LobbyChoice } | null>(null)

  useEffect(() => {
    if (!joined) return
    const leave = () => joined.mesh.leave()
    window.addEventListener('pagehide', leave)
    return () => {
      window.removeEventListener('pagehide', leave)
      joined.mesh.leave()
      for (const track of joined.choice.stream.getTracks()) track.stop()
    }
  }, [joined])

  if (!joined)
    return (
      <Lobby
        onJoin={(choice) => {
          const mesh = new CallMesh({
            admit: () => admit(props.callId),
            me: props.me,
            iceServers: props.iceServers,
            outgoing: new MediaStream(choice.stream.getTracks()),
            loadPeer,
          })
          setJoined({ mesh, choice })
          void mesh.join()
        }}
      />
    )
  return (
    <InCall
      mesh={joined.mesh}
      speakerId={joined.choice.speakerId}
      quality={joined.choice.quality}
      toolbar={props.toolbar}
      aside={props.aside}
      onLeave={() => {
        joined.mesh.leave()
        for (const track of joined.mesh.localStream()?.getTracks() ?? []) track.stop()
      }}
      onRejoin={async () => {
        const { stream } = await openCallMedia(joined.choice)
        joined.mesh.rejoin(stream.getTracks())
      }}
    />
  )
}
