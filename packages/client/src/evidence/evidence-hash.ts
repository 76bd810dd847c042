/**
 * The SHA-256 of some bytes as 64 lower-case hex digits: evidence is named by its content, so the same
 * photo attached twice (or uploaded again after a lost answer) is one object on the device and the server.
 */
export async function sha256Hex(data: Blob | ArrayBuffer | Uint8Array): Promise<string> {
  const bytes =
    data instanceof Blob ? await data.arrayBuffer() : data instanceof Uint8Array ? copy(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** subtle.digest wants an ArrayBuffer-backed view; a view into a larger (or shared) buffer is copied. */
function copy(view: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(view.byteLength);
  new Uint8Array(out).set(view);
  return out;
}
