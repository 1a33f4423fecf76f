import { Form } from "@remix-run/react";
import { CsrfField } from "~/components/ui/CsrfField";

/**
 * The list and the add/edit form every /admin catalogue page has (units, taxa, maxtaxa,
 * samverkan): one table with a caption and column headers, and one form that works without
 * JavaScript (a full document POST, server-side validation, the CSRF field).
 */
export function AdminTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly string[];
  children: React.ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function AdminFormSection({
  id,
  title,
  intro,
  submitLabel,
  intent,
  children,
}: {
  /** The heading's id: the form is labelled by it and edit links jump to it (`#<id>`). */
  id: string;
  title: string;
  intro?: React.ReactNode;
  submitLabel: string;
  /** The submit button's `intent` value, for pages whose action does more than one thing. */
  intent?: string;
  children: React.ReactNode;
}) {
  return (
    <>
      <h2 id={id}>{title}</h2>
      {intro}
      <Form method="post" reloadDocument noValidate aria-labelledby={id}>
        <CsrfField />
        {children}
        <button type="submit" className="button" name={intent ? "intent" : undefined} value={intent}>
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
