/**
 * The record an id from the URL names, or the 404 page with `message` (the error boundary shows
 * it): a missing id and an unknown one look alike.
 */
export async function requireRecord<Found>(
  id: string | undefined,
  find: (id: string) => Promise<Found | null | undefined>,
  message = 'Not found',
): Promise<Found> {
  const found = id ? await find(id) : undefined
  if (!found) throw new Response(message, { status: 404 })
  return found
}
