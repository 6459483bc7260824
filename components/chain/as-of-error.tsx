import Link from "next/link";

/** An "as of" that is not a date, said on the page (not a 404), with the way back to now. */
export function AsOfError({ what, error, href }: { what: string; error: string; href: string }) {
  return (
    <div role="alert" className="rounded border border-danger p-4 text-sm">
      <p className="font-semibold">Cannot show the {what} as of that date</p>
      <p className="mt-1">{error}.</p>
      <Link className="mt-2 inline-block text-accent underline" href={href}>
        The {what} as believed now
      </Link>
    </div>
  );
}
