// Attachments of a draft filing (the nonconstruction NOI's site map): the upload form
// (multipart, with the CSRF field in the body), and the attached files with their SHA-256.
import { MAX_ATTACHMENT_BYTES } from '../../domain/filings/attachment-rules.ts';
import type { FilingRecord } from '../../use-cases/filings/filing-records.ts';
import { SubmitButton, type FormState, errorFor } from '../views/form-fields.tsx';
import { CsrfField } from '../views/layout.tsx';

export function attachmentSection(record: FilingRecord, csrfToken: string, form?: FormState) {
  const filingId = record.filing.id;
  const error = form ? errorFor(form, 'file') : undefined;
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">Attached files</h2>
      {record.attachments.length === 0 ? (
        <p>No file is attached yet.</p>
      ) : (
        <ul class="usa-list">
          {record.attachments.map((a) => (
            <li>
              <a href={`/filings/${filingId}/attachments/${a.id}`}>{a.file_name}</a> ({a.byte_size.toLocaleString('en-US')} bytes) — SHA-256 <code>{a.sha256}</code>
              <form method="post" action={`/filings/${filingId}/attachments/${a.id}/remove`}>
                <CsrfField token={csrfToken} />
                <button type="submit" class="usa-button usa-button--unstyled">
                  Remove<span class="usa-sr-only"> {a.file_name}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`/filings/${filingId}/attachments`} enctype="multipart/form-data" class="usa-form">
        <CsrfField token={csrfToken} />
        <div class={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
          <label class="usa-label" for="file">
            Site map (PDF, PNG or JPEG, up to {Math.round(MAX_ATTACHMENT_BYTES / 1024 / 1024)} MB)
          </label>
          {error ? (
            <span class="usa-error-message" id="file-error" role="alert">
              {error}
            </span>
          ) : null}
          <input class="usa-file-input" id="file" name="file" type="file" accept="application/pdf,image/png,image/jpeg" aria-describedby={error ? 'file-error' : undefined} />
        </div>
        <SubmitButton label="Upload the site map" secondary />
      </form>
    </section>
  );
}
