// The editor's field names are content paths with dots (`objectives.0.measures.1.target`); ids may not
// contain dots, so a field's id and its error's id replace them.
import type { FieldErrors } from '$lib/strategy';

export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;
export const errorId = (name: string) => `e-${name.replace(/\./g, '-')}`;

/** aria-invalid and aria-describedby for a field, pointing at its error when it has one. */
export function errorAria(errors: FieldErrors, name: string) {
  return {
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': errors[name] ? errorId(name) : undefined,
  };
}
