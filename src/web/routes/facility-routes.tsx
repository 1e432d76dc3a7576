// Facilities (sites): list, register, view, edit. Handlers parse, call one use case, and
// render or redirect (303); a bad value re-renders the form (400) with everything kept.
import { Hono, type Context } from 'hono';
import { AppError } from '../../domain/errors.ts';
import type { FacilityRecord } from '../../domain/facilities/facility-input.ts';
import { getFacility } from '../../use-cases/facilities/get-facility.ts';
import { listFacilities } from '../../use-cases/facilities/list-facilities.ts';
import { prepareFacilityRegistration } from '../../use-cases/facilities/prepare-facility-registration.ts';
import { registerFacility } from '../../use-cases/facilities/register-facility.ts';
import { updateFacility } from '../../use-cases/facilities/update-facility.ts';
import { listJurisdictions } from '../../use-cases/organizations/list-jurisdictions.ts';
import { listMyOrganizations } from '../../use-cases/organizations/list-my-organizations.ts';
import type { Services } from '../../use-cases/services.ts';
import { isFacilityListed } from '../../use-cases/public-records/get-public-facility.ts';
import { requireSignIn } from '../middleware/require-sign-in.ts';
import { render } from '../render.tsx';
import { FacilityForm, NoOrganizationToRegisterFor } from '../views/facility-form.tsx';
import { FacilityListPage, FacilityPage } from '../views/facility-views.tsx';
import type { FormState } from '../views/form-fields.tsx';
import { formValues } from '../form-values.ts';
import type { WebEnv } from '../web-env.ts';
import { isPublicFacilityPath, renderPublicFacility } from './public-facility-routes.tsx';

const notices: Record<string, string> = {
  registered: 'The facility was registered.',
  updated: 'The facility\'s details were saved.',
  unchanged: 'Nothing was changed.',
};

/** A stored facility as the form shows it. */
function facilityFormValues(f: FacilityRecord): Record<string, string> {
  return {
    name: f.name,
    address: f.address,
    city: f.city,
    state: f.state,
    zip: f.zip,
    county: f.county,
    latitude: String(f.latitude),
    longitude: String(f.longitude),
    receivingWaters: f.receivingWaters,
    dischargesToMs4: f.dischargesToMs4 ? 'yes' : 'no',
    ms4Name: f.ms4Name ?? '',
    inIndianCountry: f.inIndianCountry ? 'yes' : 'no',
    sicCodes: f.sicCodes.join(', '),
    naicsCodes: f.naicsCodes.join(', '),
    jurisdictionId: f.jurisdictionId,
  };
}

export function facilityRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.use('/facilities', requireSignIn);
  // A facility's page, its public documents and sampling CSV are open to anyone (issue 6);
  // everything else here needs an account.
  app.use('/facilities/*', (c, next) =>
    c.req.method === 'GET' && (isPublicFacilityPath(c.req.path) || /^\/facilities\/[^/]+$/.test(c.req.path)) && c.req.path !== '/facilities/new'
      ? next()
      : requireSignIn(c, next),
  );

  app.get('/facilities', async (c) => {
    const actor = c.get('actor');
    const [facilities, mine] = await Promise.all([
      listFacilities(services, { actor, organizationId: c.req.query('organization') }),
      listMyOrganizations(services, { actor }),
    ]);
    return render(
      c,
      'Facilities',
      <FacilityListPage facilities={facilities} canRegister={mine.some((o) => o.canRegisterFacilities)} notice={notices[c.req.query('notice') ?? '']} />,
    );
  });

  const showRegistration = async (c: Context<WebEnv>, form: FormState, organizationId: string | undefined) => {
    const choices = await prepareFacilityRegistration(services, { actor: c.get('actor'), organizationId });
    if (choices.organizations.length === 0) return render(c, 'Register a facility', <NoOrganizationToRegisterFor />);
    // With one organization to choose from, it is the answer.
    const onlyOrganization = choices.organizations.length === 1 ? choices.organizations[0]!.organizationId : '';
    const values = { jurisdictionId: choices.organization?.jurisdictionId ?? '', organizationId: organizationId ?? onlyOrganization, ...form.values };
    return render(
      c,
      'Register a facility',
      <FacilityForm
        heading="Register a facility"
        action="/facilities"
        submitLabel="Register facility"
        form={{ values, errors: form.errors }}
        csrfToken={c.get('csrfToken')}
        jurisdictions={choices.jurisdictions}
        organizations={choices.organizations.map((o) => ({ id: o.organizationId, name: o.name }))}
      />,
      { status: form.errors.length ? 400 : 200 },
    );
  };

  app.get('/facilities/new', (c) => showRegistration(c, { values: {}, errors: [] }, c.req.query('organization') || undefined));

  app.post('/facilities', async (c) => {
    const values = await formValues(c);
    try {
      const { facilityId } = await registerFacility(services, { actor: c.get('actor'), organizationId: values.organizationId, input: values });
      return c.redirect(`/facilities/${facilityId}?notice=registered`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') return showRegistration(c, { values, errors: error.fieldErrors }, undefined);
      throw error;
    }
  });

  // Members of the owning organization and the jurisdiction's staff see the facility's own
  // page; anyone else sees its public page when it is listed, and otherwise what they saw
  // before there was a public page (sign in, or 403).
  app.get('/facilities/:id', async (c) => {
    const facilityId = c.req.param('id');
    if (!c.get('user')) {
      if (await isFacilityListed(services, { facilityId })) return renderPublicFacility(c, services, facilityId);
      return requireSignIn(c, async () => {});
    }
    let view;
    try {
      view = await getFacility(services, { actor: c.get('actor'), facilityId });
    } catch (error) {
      if (error instanceof AppError && error.code === 'forbidden' && (await isFacilityListed(services, { facilityId }))) return renderPublicFacility(c, services, facilityId);
      throw error;
    }
    return render(c, view.facility.name, <FacilityPage view={view} notice={notices[c.req.query('notice') ?? '']} />);
  });

  const showEdit = async (c: Context<WebEnv>, form: FormState | null) => {
    const facilityId = c.req.param('id')!;
    const [view, jurisdictions] = await Promise.all([
      getFacility(services, { actor: c.get('actor'), facilityId, purpose: 'edit' }),
      listJurisdictions(services),
    ]);
    const shown = form ?? { values: facilityFormValues(view.facility), errors: [] };
    return render(
      c,
      `Edit ${view.facility.name}`,
      <FacilityForm
        heading={`Edit ${view.facility.name}`}
        action={`/facilities/${facilityId}`}
        submitLabel="Save changes"
        form={shown}
        csrfToken={c.get('csrfToken')}
        jurisdictions={jurisdictions}
      />,
      { status: shown.errors.length ? 400 : 200 },
    );
  };

  app.get('/facilities/:id/edit', (c) => showEdit(c, null));

  app.post('/facilities/:id', async (c) => {
    const values = await formValues(c);
    try {
      const { isChanged } = await updateFacility(services, { actor: c.get('actor'), facilityId: c.req.param('id'), input: values });
      return c.redirect(`/facilities/${c.req.param('id')}?notice=${isChanged ? 'updated' : 'unchanged'}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') return showEdit(c, { values, errors: error.fieldErrors });
      throw error;
    }
  });

  return app;
}
