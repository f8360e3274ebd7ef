import type { ReactNode } from 'react';

/** A labelled field with, when the API or the page refused it, its error under it (the input points at it). */
export function FieldRow({ field, label, error, children }: { field: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={field}>{label}</label>
      {children}
      {error && <p className="field-error" id={`${field}-error`}>{error}</p>}
    </div>
  );
}
