/** A labelled drop-down bound to a value (usually a URL query parameter). */
export function Choice(props: {
  label: string;
  /** The accessible name, when it differs from the visible label. */
  ariaLabel?: string;
  value: string;
  options: readonly (string | { value: string; label: string })[];
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select
        value={props.value}
        aria-label={props.ariaLabel ?? props.label}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
      >
        {props.options.map((o) => {
          const { value, label } = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={value} value={value}>
              {label}
            </option>
          );
        })}
      </select>
    </label>
  );
}
