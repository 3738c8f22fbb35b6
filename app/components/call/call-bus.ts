/**
 * What the browsers in one call say to each other besides audio and video, over PeerJS data
 * connections: whiteboard strokes, recording consent, mute state. The call room owns the
 * connections; features talk through this and never touch PeerJS themselves.
 */
export interface CallBus {
  /** This browser's peer id in the call. */
  readonly selfPeerId: string
  /** Sends to every connected peer. */
  broadcast(channel: string, payload: unknown): void
  /** Sends to one peer, e.g. the current whiteboard to a late joiner. */
  sendTo(peerId: string, channel: string, payload: unknown): void
  /** Calls back on each message on `channel`; returns the function that stops it. */
  subscribe(channel: string, handler: (payload: unknown, fromPeerId: string) => void): () => void
  /** Calls back when a peer's data connection opens (someone joined, or rejoined); returns the stop. */
  onPeerJoined(handler: (peerId: string) => void): () => void
}

/** The media in the call as this browser sees it, for features such as recording that mix it. */
export interface CallMedia {
  /** The stream this browser sends (camera or screen, and microphone). */
  localStream(): MediaStream | null
  /** The streams received from the others, by peer id. */
  remoteStreams(): ReadonlyMap<string, MediaStream>
}
