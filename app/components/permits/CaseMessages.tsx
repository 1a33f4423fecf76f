import { useTranslation } from "react-i18next";
import type { MessageView } from "~/services/messages.server";
import { formatDateTime } from "~/utils/format";

/**
 * The conversation with the applicant as the officer sees it: both directions, oldest first,
 * with the applicant's attachments downloadable through the officer's own attachment route.
 */
export function CaseMessages({ reference, messages }: { reference: string; messages: MessageView[] }) {
  const { t } = useTranslation("backoffice");
  return (
    <section className="panel" aria-labelledby="conversation-title">
      <h2 id="conversation-title">{t("case.conversation")}</h2>
      {messages.length === 0 ? (
        <p>{t("case.noConversation")}</p>
      ) : (
        <ol className="timeline" data-testid="case-messages">
          {messages.map((m) => (
            <li key={m.id}>
              <strong>{m.sender === "officer" ? t("case.fromOfficer") : t("case.fromApplicant")}</strong>,{" "}
              {formatDateTime(m.createdAt)}
              <p className="message-body">{m.body}</p>
              {m.attachments.length ? (
                <ul>
                  {m.attachments.map((f) => (
                    <li key={f.publicId}>
                      <a href={`/handlaggare/arenden/${reference}/bilagor/${f.publicId}`} download>
                        {t("case.messageAttachment", { name: f.name })}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
