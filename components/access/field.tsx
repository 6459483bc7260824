/** A labelled input for the account forms. */
export function Field({
  id,
  label,
  type = "text",
  autoComplete,
  defaultValue,
  required = true,
  readOnly,
}: {
  id: string;
  label: string;
  type?: string;
  autoComplete?: string;
  defaultValue?: string;
  required?: boolean;
  readOnly?: boolean;
}) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={id}
        type={type}
        required={required}
        readOnly={readOnly}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        className="mt-1 w-full rounded border border-line bg-bg px-2 py-1.5 text-sm"
      />
    </div>
  );
}
