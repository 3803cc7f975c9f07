/**
 * A copy of a string that does not keep the string it was cut from alive. V8 represents
 * slices (and unchanged results of replace/trim) as views into their parent, so a page title
 * kept in a snapshot would otherwise pin the whole HTML of its page in memory.
 */
export function detach(s: string): string {
  // Concatenation then slice flattens into a new buffer; the view points into that buffer.
  return s.length === 0 ? s : ` ${s}`.slice(1);
}
