// The list of facilities a person may see, and one facility's page.
import type { FacilityListItem } from '../../use-cases/facilities/list-facilities.ts';
import type { FacilityView } from '../../use-cases/facilities/get-facility.ts';
import { SuccessAlert } from './form-fields.tsx';

export function FacilityListPage(props: { facilities: FacilityListItem[]; canRegister: boolean; notice?: string }) {
  return (
    <>
      <h1>Facilities</h1>
      {props.notice ? <SuccessAlert>{props.notice}</SuccessAlert> : null}
      {props.canRegister ? (
        <p>
          <a class="usa-button" href="/facilities/new">
            Register a facility
          </a>
        </p>
      ) : null}
      {props.facilities.length === 0 ? (
        <p>There are no facilities to show yet.</p>
      ) : (
        <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Table, scrolls sideways on narrow screens">
          <table class="usa-table usa-table--borderless">
            <caption>Facilities you can see</caption>
            <thead>
              <tr>
                <th scope="col">Facility</th>
                <th scope="col">Organization</th>
                <th scope="col">City</th>
                <th scope="col">County</th>
                <th scope="col">Jurisdiction</th>
              </tr>
            </thead>
            <tbody>
              {props.facilities.map((f) => (
                <tr>
                  <th scope="row">
                    <a href={`/facilities/${f.id}`}>{f.name}</a>
                  </th>
                  <td>{f.organizationName}</td>
                  <td>
                    {f.city}, {f.state}
                  </td>
                  <td>{f.county}</td>
                  <td>{f.jurisdictionName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

export function FacilityPage(props: { view: FacilityView; notice?: string }) {
  const f = props.view.facility;
  const rows: [string, string][] = [
    ['Organization', f.organizationName],
    ['Street address', f.address],
    ['City', f.city],
    ['State', f.state],
    ['ZIP code', f.zip],
    ['County', f.county],
    ['Latitude (WGS 84)', f.latitude.toFixed(6)],
    ['Longitude (WGS 84)', f.longitude.toFixed(6)],
    ['Jurisdiction', f.jurisdictionName],
    ['Receiving waters', f.receivingWaters],
    ['Discharges to an MS4', f.dischargesToMs4 ? `Yes: ${f.ms4Name ?? ''}` : 'No'],
    ['In Indian country', yesNo(f.inIndianCountry)],
    ['SIC codes', f.sicCodes.join(', ') || 'None given'],
    ['NAICS codes', f.naicsCodes.join(', ') || 'None given'],
  ];
  return (
    <>
      <h1>{f.name}</h1>
      {props.notice ? <SuccessAlert>{props.notice}</SuccessAlert> : null}
      <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Table, scrolls sideways on narrow screens">
        <table class="usa-table usa-table--borderless">
          <caption>Details of {f.name}</caption>
          <tbody>
            {rows.map(([label, value]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="usa-list">
        {props.view.canEdit ? (
          <li>
            <a href={`/facilities/${f.id}/edit`}>Edit the facility's details</a>
          </li>
        ) : null}
        {props.view.canEdit ? (
          <li>
            <a href={`/facilities/${f.id}/filings/new`}>Start a filing for this facility (NOI, NEC, NOT, operator change)</a>
          </li>
        ) : null}
        <li>
          <a href={`/organizations/${f.organizationId}`}>{f.organizationName}</a>
        </li>
      </ul>
    </>
  );
}
