/** Titles of case types on Mina sidor (mypages:formTitles.<formId>, falling back to "other"). */
export function formTitleKey(formId: string): string {
  return formId === "forskola-ansokan" || formId === "skolval-ansokan"
    ? `mypages:formTitles.${formId}`
    : "mypages:formTitles.other";
}
