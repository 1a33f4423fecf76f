import type { FileValue, FormValues } from "../../forms/types";
import { getFormDefinition } from "~/services/forms.server";
import { storeUpload } from "~/services/uploads.server";

/** An e-service's example answers with each file field's files stored for `ownerKey` (a small PDF each), as a step post leaves them. */
export function withStoredFiles(id: string, ownerKey: string, example: FormValues): FormValues {
  const def = getFormDefinition(id)!;
  const answers: FormValues = { ...example };
  for (const field of def.steps.flatMap((s) => s.fields)) {
    if (field.type !== "file" || !Array.isArray(answers[field.name])) continue;
    answers[field.name] = (answers[field.name] as FileValue[]).map((file) =>
      storeUpload({
        bytes: new TextEncoder().encode(`%PDF-1.4\n% ${file.name}\n%%EOF\n`),
        mime: file.type,
        originalName: file.name,
        ownerKey,
        formId: id,
        field: field.name,
      }),
    );
  }
  return answers;
}
