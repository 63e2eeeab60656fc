/**
 * A multipart/form-data body as a browser would send it (the platform's FormData encoder), for
 * `app.inject`: text fields as strings, files as `{ name, text }`.
 */
export async function multipart(
  parts: Record<string, string | { name: string; text: string | Uint8Array }>,
): Promise<{ payload: Buffer; headers: { 'content-type': string } }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(parts)) {
    if (typeof v === 'string') form.append(k, v);
    else form.append(k, new Blob([v.text]), v.name);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  };
}
