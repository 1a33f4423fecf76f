/**
 * The forms engine's public API (definitions are imported from "forms/definitions").
 * Shared by server and browser: no `node:` modules, no database, no React.
 */
export * from "./types";
export {
  CHECK_ANSWERS,
  canVisit,
  checkYourAnswers,
  firstIncompleteStep,
  nextStep,
  previousStep,
  progress,
  stepIndex,
} from "./flow";
export type { AnswerRow, CheckAnswersOptions } from "./flow";
export {
  answersForStep,
  defaultValues,
  formEntriesFor,
  formSchema,
  issuesToErrors,
  parseSubmission,
  scopeFields,
  valuesFromFormData,
} from "./schema";
export type { ParseOptions, StepScope, SubmissionInput, SubmissionResult } from "./schema";
export { fieldDomId, groupAction, inputName, parseInputName, readFormEntries } from "./form-data";
export type { GroupAction } from "./form-data";
export { errorKey, errorKeyCandidates, fieldKey, formKey, i18nextKey, owningFieldName, translatorFor } from "./keys";
export { pdfLayout, pdfValues } from "./pdf";
export type { PdfField, PdfSection, PdfValues } from "./pdf";
export { getFieldModule, moduleFor, UnknownFieldTypeError } from "./fields/registry";
export type { FieldModule, SchemaContext } from "./fields/module";
export { assertValidDefinition, definitionProblems } from "./check-definition";
export { formatNumberSv, todayInSweden } from "./format";
