/**
 * A function of a string, remembered: for texts a site repeats on every page (menu links, class
 * names, labels). The table starts over when it holds `limit` keys, so memory stays bounded on a
 * site whose texts never repeat. Keys are copied (concatenation then slice flattens them): an
 * attribute value or a piece of page text is a view into the page's HTML, which a kept key
 * would pin.
 */
export function boundedMemo<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const table = new Map<string, V>();
  return (key) => {
    const hit = table.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (table.size >= limit) table.clear();
    table.set(key.length === 0 ? key : ` ${key}`.slice(1), value);
    return value;
  };
}
