/** Escape text for XML character data and attribute values. */
export function xml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}
