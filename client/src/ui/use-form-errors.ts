import { useCallback, useState } from 'react';
import type { ApiError } from '../api/api-error';
import { FORM_PROBLEM, type FieldErrors, NO_ERRORS, errorsFromIssues } from './form-errors';

export interface FormErrors {
  errors: FieldErrors;
  /** Counts failed submits, so the error summary takes focus after each one. */
  attempt: number;
  /** Shows `errors` after a failed submit. */
  fail: (errors: FieldErrors) => void;
  clear: () => void;
}

export function useFormErrors(): FormErrors {
  const [state, setState] = useState({ errors: NO_ERRORS, attempt: 0 });
  const fail = useCallback(
    (errors: FieldErrors) => setState((current) => ({ errors, attempt: current.attempt + 1 })),
    [],
  );
  const clear = useCallback(() => setState((current) => ({ ...current, errors: NO_ERRORS })), []);
  return { ...state, fail, clear };
}

/** A refused request as form errors: field issues where the server named fields. */
export function errorsFromApi(error: ApiError): FieldErrors {
  if (error.code === 'validation' && error.issues.length > 0) return errorsFromIssues(error.issues);
  return { [FORM_PROBLEM]: error.message };
}
