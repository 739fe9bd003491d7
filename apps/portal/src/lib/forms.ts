// Reading action results (SvelteKit's `form` prop) in components: which form failed or succeeded.

export interface FormResult {
  form: string;
  message?: string;
  success?: string;
  code?: string;
  target?: string;
  values?: Record<string, string>;
}

function isFormResult(value: unknown): value is FormResult {
  return typeof value === 'object' && value !== null && typeof (value as { form?: unknown }).form === 'string';
}

/** The action result if it belongs to form `name` (and row `target`, for per-row forms). */
export function resultFor(result: unknown, name: string, target?: string): FormResult | null {
  if (!isFormResult(result) || result.form !== name) return null;
  if (target !== undefined && result.target !== target) return null;
  return result;
}

/** A field value the server sent back after a failed submission. */
export function valueFor(result: unknown, name: string, fieldName: string, fallback = ''): string {
  return resultFor(result, name)?.values?.[fieldName] ?? fallback;
}
