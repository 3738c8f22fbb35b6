import type { DataConnection, MediaConnection, Peer, PeerOptions } from 'peerjs'
import type { CallBus, CallMedia } from './call-bus'

export type PeerState = 'connecting' | 'connected' | 'reconnecting' | 'left'
export type SelfState = 'joining' | 'connected' | 'reconnecting' | 'left'

export type RemotePeer = {
  peerId: string
  userId: string
  name: string
  state: PeerState
  stream: MediaStream | null
  muted: boolean
  cameraOff: boolean
}

/** What the server answers to "let me in": a fresh peer id and token, and who to call. */
export type Admission =
  | { ok: true; peerId: string; token: string; peers: { peerId: string; userId: string; name: string }[] }
  | { ok: false; message: string }

type Who = { userId: string; name: string }
type Envelope = { channel: string; payload: unknown }
type Handler = (payload: unknown, fromPeerId: string) => void

/** Mute and camera state, sent to each peer as it joins and to all when it changes. */
const STATE_CHANNEL = 'call:state'
const RETRY_MS = [1_000, 2_000, 4_000, 8_000]

function isEnvelope(data: unknown): data is Envelope {
  return typeof data === 'object' && data !== null && typeof (data as Envelope).channel === 'string'
}

function isWho(value: unknown): value is Who {
  return typeof value === 'object' && value !== null && typeof (value as Who).userId === 'string'
}

/**
 * One browser's side of a full-mesh call: every peer calls every other (media) and opens a data
 * connection to it (the CallBus). When the signalling connection drops, it asks the server for a
 * fresh admission and calls everyone again; the others replace its old entry when the same person
 * arrives with the new id. React reads it through `subscribe`/`snapshot`.
 */
export class CallMesh implements CallBus, CallMedia {
  private peer: Peer | null = null
  private peerIdValue = ''
  private readonly media = new Map<string, MediaConnection>()
  private readonly data = new Map<string, DataConnection>()
  private readonly remotes = new Map<string, RemotePeer>()
  private readonly handlers = new Map<string, Set<Handler>>()
  private readonly joinHandlers = new Set<(peerId: string) => void>()
  private readonly listeners = new Set<() => void>()
  private self: SelfState = 'joining'
  private refusal: string | null = null
  private retries = 0
  /** Counts Rejoins: each starts a fresh attempt, and an older one in flight stops. */
  private attempts = 0
  private retryPending = false
  private state = { muted: false, cameraOff: false }
  private version = 0

  constructor(
    private readonly options: {
      admit: () => Promise<Admission>
      me: Who
      iceServers: RTCIceServer[]
      outgoing: MediaStream
      loadPeer: () => Promise<typeof Peer>
    },
  ) {}

  get selfPeerId(): string {
    return this.peerIdValue
  }

  // --- React ---------------------------------------------------------------------------------

  subscribeChanges(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Changes whenever anything shown changed (a cheap key for useSyncExternalStore). */
  snapshot(): number {
    return this.version
  }

  view() {
    return {
      self: this.self,
      refusal: this.refusal,
      muted: this.state.muted,
      cameraOff: this.state.cameraOff,
      remotes: [...this.remotes.values()],
    }
  }

  private changed() {
    this.version++
    for (const listener of this.listeners) listener()
  }

  // --- CallBus / CallMedia ------------------------------------------------------------------

  broadcast(channel: string, payload: unknown): void {
    for (const connection of this.data.values()) if (connection.open) void connection.send({ channel, payload })
  }

  sendTo(peerId: string, channel: string, payload: unknown): void {
    const connection = this.data.get(peerId)
    if (connection?.open) void connection.send({ channel, payload })
  }

  subscribe(channel: string, handler: Handler): () => void {
    const set = this.handlers.get(channel) ?? new Set<Handler>()
    set.add(handler)
    this.handlers.set(channel, set)
    return () => set.delete(handler)
  }

  onPeerJoined(handler: (peerId: string) => void): () => void {
    this.joinHandlers.add(handler)
    return () => this.joinHandlers.delete(handler)
  }

  localStream(): MediaStream | null {
    return this.options.outgoing
  }

  remoteStreams(): ReadonlyMap<string, MediaStream> {
    const streams = new Map<string, MediaStream>()
    for (const remote of this.remotes.values())
      if (remote.stream && remote.state !== 'left') streams.set(remote.peerId, remote.stream)
    return streams
  }

  // --- Joining and leaving --------------------------------------------------------------------

  async join(): Promise<void> {
    // A join begun before Leave and Rejoin must not connect alongside the one Rejoin begins.
    const attempt = this.attempts
    const admission = await this.options.admit().catch(() => null)
    if (this.abandoned(attempt)) return
    if (!admission) return this.retryLater()
    if (!admission.ok) {
      this.refusal = admission.message
      this.self = 'left'
      return this.changed()
    }
    const PeerClass = await this.options.loadPeer()
    if (this.abandoned(attempt)) return
    const secure = window.location.protocol === 'https:'
    const peerOptions: PeerOptions = {
      host: window.location.hostname,
      port: Number(window.location.port) || (secure ? 443 : 80),
      path: '/peerjs',
      secure,
      token: admission.token,
      config: { iceServers: this.options.iceServers },
      debug: 0,
    }
    const previous = this.peer
    const peer = new PeerClass(admission.peerId, peerOptions)
    this.peer = peer
    peer.on('open', (id) => {
      this.peerIdValue = id
      this.self = 'connected'
      this.retries = 0
      // The connections of the admission before this one are replaced by the calls made now.
      if (previous && previous !== peer) setTimeout(() => previous.destroy(), 5_000)
      for (const other of admission.peers) this.callPeer(peer, other.peerId, other)
      this.changed()
    })
    peer.on('call', (call) => {
      if (!isWho(call.metadata)) return call.close()
      call.answer(this.options.outgoing)
      this.trackMedia(call, call.metadata)
    })
    peer.on('connection', (connection) => {
      if (!isWho(connection.metadata)) return connection.close()
      this.trackData(connection, connection.metadata)
    })
    peer.on('disconnected', () => {
      if (this.peer === peer) this.retryLater()
    })
    peer.on('error', (error) => {
      // A peer admitted but gone before our call reached it: it left. Anything else is our link.
      if (error.type === 'peer-unavailable') return this.markGone(error.message)
      if (this.peer === peer) this.retryLater()
    })
  }

  /** The user left, or rejoined since this attempt began. */
  private abandoned(attempt: number): boolean {
    return this.self === 'left' || attempt !== this.attempts
  }

  private markGone(message: string) {
    for (const remote of this.remotes.values())
      if (message.includes(remote.peerId) && !remote.stream) remote.state = 'left'
    this.changed()
  }

  /**
   * One retry at a time: a lost signalling link reports both 'disconnected' and an error, and two
   * joins at once would each take an admission, the second voiding the first's token.
   */
  private retryLater() {
    if (this.self === 'left' || this.retryPending) return
    this.retryPending = true
    this.self = 'reconnecting'
    this.changed()
    const delay = RETRY_MS[Math.min(this.retries, RETRY_MS.length - 1)] ?? 8_000
    this.retries++
    const attempt = this.attempts
    setTimeout(() => {
      this.retryPending = false
      if (this.self === 'reconnecting' && attempt === this.attempts) void this.join()
    }, delay)
  }

  /**
   * Leaves the call. The others are kept as last seen (they are still in the call, as far as this
   * browser knows): the connections are forgotten before they close, so closing marks nobody left.
   */
  leave(): void {
    this.self = 'left'
    const connections = [...this.media.values(), ...this.data.values()]
    this.media.clear()
    this.data.clear()
    for (const connection of connections) connection.close()
    this.peer?.destroy()
    this.peer = null
    this.changed()
  }

  /**
   * Back into the same call after leaving (or being refused), sending `tracks` (leaving stopped the
   * old ones) with the mute and camera choices as they were.
   */
  rejoin(tracks: MediaStreamTrack[]): void {
    if (this.self !== 'left') return
    const outgoing = this.options.outgoing
    for (const old of outgoing.getTracks()) {
      outgoing.removeTrack(old)
      old.stop()
    }
    for (const track of tracks) {
      track.enabled = track.kind === 'audio' ? !this.state.muted : !this.state.cameraOff
      outgoing.addTrack(track)
    }
    this.remotes.clear()
    this.attempts++
    this.retryPending = false
    this.self = 'joining'
    this.refusal = null
    this.retries = 0
    this.changed()
    void this.join()
  }

  // --- Connections ----------------------------------------------------------------------------

  private callPeer(peer: Peer, peerId: string, who: Who) {
    const me: Who = this.options.me
    this.trackMedia(peer.call(peerId, this.options.outgoing, { metadata: me }), who)
    this.trackData(peer.connect(peerId, { metadata: me, serialization: 'json', reliable: true }), who)
  }

  /** The entry for a peer; the same person under an older id (they rejoined) is replaced. */
  private remoteFor(peerId: string, who: Who): RemotePeer {
    const existing = this.remotes.get(peerId)
    if (existing) return existing
    for (const [otherId, other] of this.remotes) {
      if (other.userId !== who.userId || otherId === peerId) continue
      this.media.get(otherId)?.close()
      this.data.get(otherId)?.close()
      this.media.delete(otherId)
      this.data.delete(otherId)
      this.remotes.delete(otherId)
    }
    const remote: RemotePeer = { peerId, ...who, state: 'connecting', stream: null, muted: false, cameraOff: false }
    this.remotes.set(peerId, remote)
    return remote
  }

  private trackMedia(call: MediaConnection, who: Who) {
    const remote = this.remoteFor(call.peer, who)
    const replaced = this.media.get(call.peer)
    this.media.set(call.peer, call)
    replaced?.close()
    const current = () => this.media.get(call.peer) === call
    call.on('stream', (stream) => {
      if (!current()) return
      remote.stream = stream
      remote.state = 'connected'
      this.changed()
    })
    call.on('close', () => {
      if (!current()) return
      remote.state = 'left'
      this.changed()
    })
    const connection = call.peerConnection as RTCPeerConnection | undefined
    connection?.addEventListener('iceconnectionstatechange', () => {
      if (!current()) return
      const ice = connection.iceConnectionState
      if (ice === 'disconnected' || ice === 'failed') remote.state = 'reconnecting'
      else if ((ice === 'connected' || ice === 'completed') && remote.stream) remote.state = 'connected'
      else if (ice === 'closed') remote.state = 'left'
      this.changed()
    })
    this.changed()
  }

  private trackData(connection: DataConnection, who: Who) {
    this.remoteFor(connection.peer, who)
    const replaced = this.data.get(connection.peer)
    this.data.set(connection.peer, connection)
    replaced?.close()
    connection.on('open', () => {
      void connection.send({ channel: STATE_CHANNEL, payload: this.state })
      for (const handler of this.joinHandlers) handler(connection.peer)
    })
    connection.on('data', (data) => {
      if (!isEnvelope(data)) return
      if (data.channel === STATE_CHANNEL) return this.receiveState(connection.peer, data.payload)
      for (const handler of this.handlers.get(data.channel) ?? []) handler(data.payload, connection.peer)
    })
  }

  private receiveState(peerId: string, payload: unknown) {
    const remote = this.remotes.get(peerId)
    if (!remote || typeof payload !== 'object' || payload === null) return
    const state = payload as { muted?: unknown; cameraOff?: unknown }
    remote.muted = state.muted === true
    remote.cameraOff = state.cameraOff === true
    this.changed()
  }

  // --- Controls -------------------------------------------------------------------------------

  setMuted(muted: boolean) {
    for (const track of this.options.outgoing.getAudioTracks()) track.enabled = !muted
    this.state = { ...this.state, muted }
    this.broadcast(STATE_CHANNEL, this.state)
    this.changed()
  }

  setCameraOff(cameraOff: boolean) {
    for (const track of this.options.outgoing.getVideoTracks()) track.enabled = !cameraOff
    this.state = { ...this.state, cameraOff }
    this.broadcast(STATE_CHANNEL, this.state)
    this.changed()
  }

  /** Sends `track` instead of the current one of its kind, to everyone and to those who join later. */
  async replaceTrack(track: MediaStreamTrack): Promise<void> {
    const outgoing = this.options.outgoing
    for (const old of outgoing.getTracks()) if (old.kind === track.kind && old !== track) outgoing.removeTrack(old)
    if (!outgoing.getTracks().includes(track)) outgoing.addTrack(track)
    const senders = [...this.media.values()].flatMap((call) =>
      call.peerConnection ? call.peerConnection.getSenders().filter((sender) => sender.track?.kind === track.kind) : [],
    )
    await Promise.all(senders.map((sender) => sender.replaceTrack(track)))
    this.changed()
  }
}
