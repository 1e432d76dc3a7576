// The facility (site) form, for registering and for editing. Field names are the schema's
// (src/domain/facilities/facility-input.ts), so error summary links land on the fields.
import { facilityFieldLabels } from '../../domain/facilities/facility-input.ts';
import type { JurisdictionChoice } from '../../use-cases/organizations/list-jurisdictions.ts';
import { CsrfField } from './layout.tsx';
import { ErrorSummary, InfoAlert, Select, SubmitButton, TextInput, YesNo, type FormState } from './form-fields.tsx';

export interface FacilityFormProps {
  heading: string;
  action: string;
  submitLabel: string;
  form: FormState;
  csrfToken: string;
  jurisdictions: JurisdictionChoice[];
  /** Registration only: the organizations where the person may register a facility. */
  organizations?: { id: string; name: string }[];
}

export function FacilityForm(props: FacilityFormProps) {
  const { form } = props;
  return (
    <>
      <h1>{props.heading}</h1>
      <ErrorSummary form={form} labels={facilityFieldLabels} />
      <form method="post" action={props.action} class="usa-form usa-form--large" novalidate>
        <CsrfField token={props.csrfToken} />
        {props.organizations ? (
          <Select form={form} name="organizationId" label="Organization that owns the facility" options={props.organizations.map((o) => ({ value: o.id, label: o.name }))} />
        ) : null}
        <TextInput form={form} name="name" label="Facility name" />
        <fieldset class="usa-fieldset">
          <legend class="usa-legend usa-legend--large">Location</legend>
          <TextInput form={form} name="address" label="Street address" autocomplete="street-address" />
          <TextInput form={form} name="city" label="City" autocomplete="address-level2" />
          <TextInput form={form} name="state" label="State" hint="Two letters, such as WI." autocomplete="address-level1" width="sm" />
          <TextInput form={form} name="zip" label="ZIP code" autocomplete="postal-code" inputmode="numeric" width="medium" />
          <TextInput form={form} name="county" label="County" />
          <TextInput form={form} name="latitude" label="Latitude" hint="WGS 84, in decimal degrees between -90 and 90, such as 44.8705." inputmode="decimal" width="medium" />
          <TextInput form={form} name="longitude" label="Longitude" hint="WGS 84, in decimal degrees between -180 and 180, such as -88.6251 (west is negative)." inputmode="decimal" width="medium" />
          <Select form={form} name="jurisdictionId" label="Jurisdiction" hint="Leave unselected to use the organization's jurisdiction." required={false} options={props.jurisdictions.map((j) => ({ value: j.id, label: j.name }))} />
        </fieldset>
        <fieldset class="usa-fieldset">
          <legend class="usa-legend usa-legend--large">Stormwater</legend>
          <TextInput form={form} name="receivingWaters" label="Receiving waters" hint="The stream, river or lake that the facility's stormwater reaches." />
          <YesNo form={form} name="dischargesToMs4" label="Does stormwater from the facility reach a municipal separate storm sewer system (MS4)?" />
          <TextInput form={form} name="ms4Name" label="Name of the MS4" hint="Required if you answered yes." required={false} />
          <YesNo form={form} name="inIndianCountry" label="Is the facility in Indian country?" />
        </fieldset>
        <fieldset class="usa-fieldset">
          <legend class="usa-legend usa-legend--large">Industrial activity</legend>
          <TextInput form={form} name="sicCodes" label="SIC codes" hint="4 digits each, separated by commas, such as 2434, 3471." required={false} />
          <TextInput form={form} name="naicsCodes" label="NAICS codes" hint="2 to 6 digits each, separated by commas, such as 321911." required={false} />
        </fieldset>
        <SubmitButton label={props.submitLabel} />
      </form>
    </>
  );
}

/** Registration when the person belongs to no organization where they may register. */
export function NoOrganizationToRegisterFor() {
  return (
    <>
      <h1>Register a facility</h1>
      <InfoAlert heading="You need an organization first">
        <p>
          A facility belongs to an organization. <a href="/organizations/new">Create your organization</a> or{' '}
          <a href="/organizations/join">ask to join it</a>, then register its facilities.
        </p>
      </InfoAlert>
    </>
  );
}
