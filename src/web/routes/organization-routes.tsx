// Organizations and their members: list, create, join, decide requests, change roles,
// remove. Handlers parse, call one use case, and render or redirect (303).
import { Hono, type Context } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { changeMemberRole } from '../../use-cases/organizations/change-member-role.ts';
import { createOrganization } from '../../use-cases/organizations/create-organization.ts';
import { decideMembership } from '../../use-cases/organizations/decide-membership.ts';
import { getOrganization } from '../../use-cases/organizations/get-organization.ts';
import { listJurisdictions } from '../../use-cases/organizations/list-jurisdictions.ts';
import { listMyOrganizations } from '../../use-cases/organizations/list-my-organizations.ts';
import { removeMember } from '../../use-cases/organizations/remove-member.ts';
import { requestMembership } from '../../use-cases/organizations/request-membership.ts';
import { searchOrganizations } from '../../use-cases/organizations/search-organizations.ts';
import type { Services } from '../../use-cases/services.ts';
import { requireSignIn } from '../middleware/require-sign-in.ts';
import { render } from '../render.tsx';
import { emptyForm, type FormState } from '../views/form-fields.tsx';
import { OrganizationPage, type OrganizationPageMessages } from '../views/organization-page.tsx';
import { JoinOrganizationPage, OrganizationForm, OrganizationListPage } from '../views/organization-views.tsx';
import { formValues } from '../form-values.ts';
import type { WebEnv } from '../web-env.ts';

const notices: Record<string, string> = {
  created: 'Your organization was created. A reviewer of its jurisdiction will confirm you as its Legally Responsible Person.',
  requested: 'Your request was sent. The organization\'s Legally Responsible Person will decide; you will get an e-mail.',
  approved: 'The request was approved and the person was told by e-mail.',
  refused: 'The request was refused and the person was told by e-mail.',
  'role-changed': 'The member\'s role was changed.',
  removed: 'The member was removed.',
};

export function organizationRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.use('/organizations', requireSignIn);
  app.use('/organizations/*', requireSignIn);

  app.get('/organizations', async (c) => {
    const organizations = await listMyOrganizations(services, { actor: c.get('actor') });
    return render(c, 'Your organizations', <OrganizationListPage organizations={organizations} notice={notices[c.req.query('notice') ?? '']} />);
  });

  const showForm = async (c: Context<WebEnv>, form: FormState) =>
    render(c, 'Create an organization', <OrganizationForm form={form} jurisdictions={await listJurisdictions(services)} csrfToken={c.get('csrfToken')} />, {
      status: form.errors.length ? 400 : 200,
    });

  app.get('/organizations/new', (c) => showForm(c, emptyForm));

  app.post('/organizations', async (c) => {
    const values = await formValues(c);
    try {
      const { organizationId } = await createOrganization(services, { actor: c.get('actor'), input: values });
      return c.redirect(`/organizations/${organizationId}?notice=created`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') return showForm(c, { values, errors: error.fieldErrors });
      throw error;
    }
  });

  const showJoin = async (c: Context<WebEnv>, query: string, form: FormState) => {
    const results = await searchOrganizations(services, { actor: c.get('actor'), query });
    return render(c, 'Join an organization', <JoinOrganizationPage query={query.trim()} results={results} csrfToken={c.get('csrfToken')} form={form} />, {
      status: form.errors.length ? 400 : 200,
    });
  };

  app.get('/organizations/join', (c) => showJoin(c, c.req.query('q') ?? '', emptyForm));

  app.post('/organizations/:id/join-requests', async (c) => {
    const organizationId = c.req.param('id');
    const values = await formValues(c);
    try {
      await requestMembership(services, { actor: c.get('actor'), input: { organizationId, role: values.role } });
      return c.redirect('/organizations?notice=requested', 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') {
        // The role select of this organization's row carries the id role-<organization id>.
        const errors = error.fieldErrors.map((e) => (e.path === 'role' ? { ...e, path: `role-${organizationId}` } : e));
        return showJoin(c, values.q ?? '', { values, errors });
      }
      throw error;
    }
  });

  const showOrganization = async (c: Context<WebEnv>, organizationId: string, messages: OrganizationPageMessages, status: 200 | 409 = 200) => {
    const view = await getOrganization(services, { actor: c.get('actor'), organizationId });
    return render(c, view.organization.name, <OrganizationPage view={view} csrfToken={c.get('csrfToken')} messages={messages} />, { status });
  };

  app.get('/organizations/:id', (c) => showOrganization(c, c.req.param('id'), { notice: notices[c.req.query('notice') ?? ''] }));

  /** Runs a member decision; a refusal by rule (conflict) is shown on the organization's page. */
  const memberAction = (path: string, act: (c: Context<WebEnv>, membershipId: string) => Promise<string>) =>
    app.post(`/organizations/:id/members/:membershipId/${path}`, async (c) => {
      try {
        const notice = await act(c, c.req.param('membershipId'));
        return c.redirect(`/organizations/${c.req.param('id')}?notice=${notice}`, 303);
      } catch (error) {
        if (error instanceof AppError && (error.code === 'conflict' || error.code === 'validation')) {
          return showOrganization(c, c.req.param('id'), { problem: error.fieldErrors[0]?.message ?? error.message }, 409);
        }
        throw error;
      }
    });

  memberAction('approve', async (c, membershipId) => {
    await decideMembership(services, { actor: c.get('actor'), membershipId, decision: 'approve' });
    return 'approved';
  });
  memberAction('refuse', async (c, membershipId) => {
    await decideMembership(services, { actor: c.get('actor'), membershipId, decision: 'refuse' });
    return 'refused';
  });
  memberAction('role', async (c, membershipId) => {
    const values = await formValues(c);
    const { isChanged } = await changeMemberRole(services, { actor: c.get('actor'), membershipId, role: values.role });
    return isChanged ? 'role-changed' : '';
  });
  memberAction('remove', async (c, membershipId) => {
    await removeMember(services, { actor: c.get('actor'), membershipId });
    return 'removed';
  });

  return app;
}
