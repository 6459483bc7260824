"use client";

/** Shown when a page fails to render; the server log has the cause. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded border border-line bg-panel p-4">
      <h1 className="font-semibold text-danger">This page could not be shown</h1>
      <p className="mt-1 text-sm text-muted">{error.digest ? `The server logged the cause (reference ${error.digest}).` : error.message}</p>
      <button type="button" onClick={reset} className="mt-3 rounded border border-line px-3 py-1 text-sm">
        Try again
      </button>
    </div>
  );
}
