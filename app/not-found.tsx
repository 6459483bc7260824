import Link from "next/link";

export default function NotFound() {
  return (
    <div className="rounded border border-line bg-panel p-4">
      <h1 className="font-semibold">Not found</h1>
      <p className="mt-1 text-sm text-muted">
        No such page or incident.{" "}
        <Link href="/incidents" className="text-accent underline">
          Back to incidents
        </Link>
      </p>
    </div>
  );
}
