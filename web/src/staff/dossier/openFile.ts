// Opens a stored file (a PDF, the result) in a new tab. The server sends staff files with
// `Content-Security-Policy: sandbox`, under which browsers refuse to run their PDF viewer, so
// the bytes are fetched (with the session cookie) and shown from a blob: URL of this origin.
export async function openInNewTab(url: string): Promise<void> {
  // Opened now, while the click still counts as the person's gesture (else it is a blocked popup).
  const tab = window.open('', '_blank');
  try {
    const res = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const objectUrl = URL.createObjectURL(await res.blob());
    if (tab) tab.location.href = objectUrl;
    else window.location.assign(objectUrl);
    // The tab has loaded it by then; the URL only pins the bytes in memory.
    setTimeout(() => URL.revokeObjectURL(objectUrl), 5 * 60_000);
  } catch (e) {
    tab?.close();
    throw e;
  }
}
