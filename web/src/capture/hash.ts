// SHA-256 of the exact bytes stored, computed at capture: the server checks every byte it keeps
// against it, and the receipt names it.
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
