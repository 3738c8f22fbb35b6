/** Who is asking, as far as a request tells: used by events, throttles and the risk engine. */
export type RequestOrigin = { ip: string | null; userAgent: string | null; deviceId: string | null }

export function originOf(request: Request, clientIp: string | null, deviceId: string | null = null): RequestOrigin {
  return { ip: clientIp, userAgent: request.headers.get('user-agent')?.slice(0, 512) ?? null, deviceId }
}
