// Downloads a model file in a Web Worker with byte progress (the `progress` message of the worker protocol) and the
// model version the server sends with it. Shared by the Refine and Try-on workers.
export async function downloadModel(url: string, onBytes: (n: number) => void, notInstalled: string): Promise<{ data: Uint8Array; version: string }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(response.status === 503 ? notInstalled : `Could not download ${url} (${response.status}).`);
  const version = response.headers.get("x-model-version") ?? "";
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onBytes(value.byteLength);
  }
  const data = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const c of chunks) {
    data.set(c, offset);
    offset += c.byteLength;
  }
  return { data, version };
}
