/** Ids joined into groups (union–find): two ids are in one group when joined directly or through others. */
export function disjointSets() {
  const parent = new Map<string, string>()
  const find = (id: string): string => {
    if (!parent.has(id)) parent.set(id, id)
    let root = id
    while (parent.get(root) !== root) root = parent.get(root)!
    parent.set(id, root)
    return root
  }
  return {
    /** The id that stands for the group `id` is in (itself when never joined). */
    find,
    join: (a: string, b: string) => void parent.set(find(a), find(b)),
    /** Every id seen so far. */
    ids: () => [...parent.keys()],
  }
}
