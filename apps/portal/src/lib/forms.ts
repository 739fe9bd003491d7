// Reading action results (SvelteKit's `form` prop) in components: which form failed or succeeded.
import type { SubmitFunction } from '@sveltejs/kit';

export interface FormResult {
  form: string;
  message?: string;
  success?: string;
  code?: string;
  target?: string;
  values?: Record<string, string>;
  /** Per-field messages (the API's `errors[]` or the portal's own checks), keyed by the form field's name. */
  errors?: Record<string, string>;
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

/** The message for one field of form `name`, when its last submission failed on that field. */
export function fieldErrorFor(result: unknown, name: string, fieldName: string, target?: string): string | null {
  return resultFor(result, name, target)?.errors?.[fieldName] ?? null;
}

/** A field value the server sent back after a failed submission. */
export function valueFor(result: unknown, name: string, fieldName: string, fallback = ''): string {
  return resultFor(result, name)?.values?.[fieldName] ?? fallback;
}

/**
 * For per-row select forms (role, relationship stage, sponsor): keep the page as it is after submitting,
 * and when the change is refused put the select back to the saved value so it does not show a value
 * that was never stored.
 */
export function revertOnFailure(field: string, saved: () => string): SubmitFunction {
  return ({ formElement }) =>
    async ({ result, update }) => {
      await update({ reset: false });
      if (result.type === 'failure' || result.type === 'error') {
        const control = formElement.elements.namedItem(field);
        if (control instanceof HTMLSelectElement) control.value = saved();
      }
    };
}

/** Enhance a form so that the page keeps what was typed after submitting (SvelteKit resets forms by default). */
export const keepValues: SubmitFunction =
  () =>
  async ({ update }) =>
    update({ reset: false });

/**
 * Enhance a form so that its `data-clear` fields empty once it succeeds; selects and dates keep their choice
 * (a form reset would drop the values Svelte set, not restore them).
 */
export const clearOnSuccess: SubmitFunction =
  ({ formElement }) =>
  async ({ result, update }) => {
    await update({ reset: false });
    if (result.type !== 'success') return;
    for (const element of formElement.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-clear]')) {
      element.value = '';
    }
  };

/**
 * The attributes that tie an input to its FieldError (rendered with `errorId`): `aria-invalid` and
 * `aria-describedby` while the last submission of form `name` failed on the field; `hint` is an id the input
 * is always described by.
 */
export function fieldAria(
  result: unknown,
  name: string,
  fieldName: string,
  errorId: string,
  options: { target?: string; hint?: string } = {},
): { 'aria-invalid': 'true' | undefined; 'aria-describedby': string | undefined } {
  const failed = fieldErrorFor(result, name, fieldName, options.target) !== null;
  const describedBy = [options.hint, failed ? errorId : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': failed ? 'true' : undefined, 'aria-describedby': describedBy || undefined };
}
