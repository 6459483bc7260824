/** Sends JSON to one of our routes; resolves to null when it worked, else the reason to show (field: reason; …). */
export async function sendJson(url: string, method: string, body?: unknown): Promise<string | null> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.ok) return null;
  const j = (await res.json().catch(() => ({}))) as { error?: string; issues?: { field: string; reason: string }[] };
  return j.issues?.map((i) => `${i.field}: ${i.reason}`).join("; ") ?? j.error ?? `failed (${res.status})`;
}

/** The same, returning the parsed body when it worked. */
export async function fetchJson<T>(url: string, method: string, body?: unknown): Promise<{ data: T } | { error: string }> {
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const j = (await res.json().catch(() => ({}))) as T & { error?: string; issues?: { field: string; reason: string }[] };
  if (res.ok) return { data: j };
  return { error: j.issues?.map((i) => `${i.field}: ${i.reason}`).join("; ") ?? j.error ?? `failed (${res.status})` };
}
