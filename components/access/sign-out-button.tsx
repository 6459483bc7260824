"use client";

/** Ends the session (DELETE /api/session) and goes to the sign-in page. */
export function SignOutButton() {
  return (
    <button
      type="button"
      className="text-sm text-muted hover:text-ink"
      onClick={async () => {
        await fetch("/api/session", { method: "DELETE" });
        window.location.assign("/sign-in");
      }}
    >
      Sign out
    </button>
  );
}
