// eAuthorization pages: the signer's steps to get one (with the agreement to print and the
// authority's mailing address), and the reviewer's list to record or revoke them.
import type { EAuthorizationAgreement } from '../../use-cases/e-authorizations/prepare-e-authorization-agreement.ts';
import type { EAuthorizationListEntry } from '../../use-cases/e-authorizations/list-e-authorizations.ts';
import { CsrfField } from './layout.tsx';
import { InfoAlert, SuccessAlert } from './form-fields.tsx';

export function EAuthorizationAgreementPage(props: { agreement: EAuthorizationAgreement }) {
  const { details, organizationId, hasCurrent } = props.agreement;
  return (
    <>
      <h1>Electronic signature agreement for {details.organizationName}</h1>
      {hasCurrent ? (
        <SuccessAlert heading="Your agreement is on record">The authority has recorded your signed agreement: you can sign filings for this organization.</SuccessAlert>
      ) : null}
      <p>
        Before you can sign filings electronically for {details.organizationName}, the permitting authority must hold an Electronic Signature Agreement signed by
        you on paper. It says that your electronic signature is the legal equivalent of your handwritten one.
      </p>
      <h2>How to get it on record</h2>
      <ol class="usa-process-list">
        <li class="usa-process-list__item">
          <h3 class="usa-process-list__heading">Download and print the agreement</h3>
          <p>It is filled in with your name, e-mail, phone and organization. Check them; correct your profile first if anything is wrong.</p>
          <p>
            <a class="usa-button" href={`/organizations/${organizationId}/e-authorization/agreement.pdf`} download>
              Download the agreement (PDF)
            </a>
          </p>
        </li>
        <li class="usa-process-list__item">
          <h3 class="usa-process-list__heading">Sign and date it by hand</h3>
        </li>
        <li class="usa-process-list__item">
          <h3 class="usa-process-list__heading">Mail the signed original to</h3>
          <address>
            {details.authority}
            {details.mailingAddress.split('\n').map((line) => (
              <>
                <br />
                {line}
              </>
            ))}
          </address>
        </li>
        <li class="usa-process-list__item">
          <h3 class="usa-process-list__heading">Wait for the e-mail</h3>
          <p>When a reviewer records your agreement you will get an e-mail, and the sign button on your filings will work.</p>
        </li>
      </ol>
      <p>
        <a href={`/organizations/${organizationId}`}>Back to {details.organizationName}</a>
      </p>
    </>
  );
}

export function EAuthorizationReviewPage(props: { entries: EAuthorizationListEntry[]; csrfToken: string; notice?: string; problem?: string }) {
  const waiting = props.entries.filter((e) => e.current === null);
  const current = props.entries.filter((e) => e.current !== null);
  return (
    <>
      <h1>Electronic signature agreements</h1>
      {props.notice ? <SuccessAlert>{props.notice}</SuccessAlert> : null}
      {props.problem ? (
        <div class="usa-alert usa-alert--error" role="alert">
          <div class="usa-alert__body">
            <p class="usa-alert__text">{props.problem}</p>
          </div>
        </div>
      ) : null}
      <p>Record an agreement only when the signed paper original is in hand and the signature and details match the person.</p>
      <h2>Signers without an agreement on record</h2>
      {waiting.length === 0 ? (
        <InfoAlert>
          <p>Every Legally Responsible Person and Duly Authorized Representative has an agreement on record.</p>
        </InfoAlert>
      ) : (
        <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Signers without an agreement, scrolls sideways on narrow screens">
          <table class="usa-table usa-table--borderless">
            <caption>Signers without an electronic signature agreement on record</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Organization</th>
                <th scope="col">Role</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((e) => (
                <tr>
                  <th scope="row">
                    {e.userName}
                    <br />
                    {e.userEmail}
                  </th>
                  <td>{e.organizationName}</td>
                  <td>{e.roleLabel}</td>
                  <td>
                    <form method="post" action="/review/e-authorizations" class="outfall-inline-form">
                      <CsrfField token={props.csrfToken} />
                      <input type="hidden" name="userId" value={e.userId} />
                      <input type="hidden" name="organizationId" value={e.organizationId} />
                      <button type="submit" class="usa-button" aria-label={`Record as received: the agreement of ${e.userName} for ${e.organizationName}`}>
                        Record as received
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Agreements on record</h2>
      {current.length === 0 ? (
        <p>No agreement is on record yet.</p>
      ) : (
        <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Agreements on record, scrolls sideways on narrow screens">
          <table class="usa-table usa-table--borderless">
            <caption>Electronic signature agreements on record</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Organization</th>
                <th scope="col">Received</th>
                <th scope="col">Revoke</th>
              </tr>
            </thead>
            <tbody>
              {current.map((e) => (
                <tr>
                  <th scope="row">
                    {e.userName}
                    <br />
                    {e.userEmail}
                  </th>
                  <td>{e.organizationName}</td>
                  <td>{e.current!.receivedAt.toISOString().slice(0, 10)}</td>
                  <td>
                    <form method="post" action="/review/e-authorizations/revoke">
                      <CsrfField token={props.csrfToken} />
                      <input type="hidden" name="userId" value={e.userId} />
                      <input type="hidden" name="organizationId" value={e.organizationId} />
                      <label class="usa-label" for={`reason-${e.userId}-${e.organizationId}`}>
                        Reason
                      </label>
                      <input class="usa-input" id={`reason-${e.userId}-${e.organizationId}`} name="reason" type="text" required maxlength={1000} />
                      <button type="submit" class="usa-button usa-button--secondary" aria-label={`Revoke the agreement of ${e.userName} for ${e.organizationName}`}>
                        Revoke
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
