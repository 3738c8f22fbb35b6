/**
 * Pages of a list: how many there are and which one a request lands on. Used by every paged list
 * (the two searches, notifications, admin tables) so "page 3 of 7" is counted one way.
 */

/** How many pages `total` rows fill: at least one, so an empty list is "page 1 of 1". */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize))
}

/** The page shown for a request of `page`: the last one when it asks past the end. */
export function pageShown(page: number, total: number, pageSize: number): number {
  return Math.min(page, pageCount(total, pageSize))
}
