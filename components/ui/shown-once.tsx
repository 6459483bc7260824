/** A secret the server shows this once (a token, an invitation link): what it is, and the text to copy. */
export function ShownOnce({ title, value, testId }: { title: string; value: string; testId: string }) {
  return (
    <div role="status" className="rounded border border-line bg-bg p-3 text-sm">
      <p className="font-medium">{title}</p>
      <code className="mono mt-1 block break-all text-xs" data-testid={testId}>
        {value}
      </code>
    </div>
  );
}
