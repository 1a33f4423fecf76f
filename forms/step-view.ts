import type { FieldErrors, FileValue, FormValues } from "./types";

/**
 * What one step of an e-service form shows: built by app/services/forms.server.ts, rendered by
 * app/components/form/FormStep.tsx. Here, beside the engine, so that the service does not import
 * a component (services sit below components in docs/architecture.md's map).
 */
export interface MunicipalityPicker {
  options: { slug: string; name: string }[];
  chosen: string | null;
}

export interface StepViewData {
  formId: string;
  stepId: string;
  progress: { index: number; total: number };
  entries: [string, string][];
  errors: FieldErrors;
  files: Record<string, FileValue[]>;
  groupCounts: Record<string, number>;
  /** Answers of the other steps (for conditions that look back). */
  savedAnswers: FormValues;
  municipality: MunicipalityPicker | null;
  backHref: string | null;
  action: string;
  /** Shown once after "save and continue later" (anonymous: the secret link). */
  saved?: { link: string | null } | null;
}

export const MUNICIPALITY_CONTROL = "_kommun";
