/** A form's failure, read out by screen readers as it appears; nothing while there is none. */
export function FormAlert({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="form-error">
      {error}
    </p>
  ) : null;
}
