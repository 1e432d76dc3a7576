// The authority's pages: /review (confirm first LRPs) and /admin/staff (grant and revoke
// Reviewer and Administrator). The use cases refuse anyone without the staff role.
import { Hono, type Context } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { confirmLrp } from '../../use-cases/organizations/confirm-lrp.ts';
import { listLrpConfirmations } from '../../use-cases/organizations/list-lrp-confirmations.ts';
import type { Services } from '../../use-cases/services.ts';
import { grantStaffRole } from '../../use-cases/staff/grant-staff-role.ts';
import { listStaff } from '../../use-cases/staff/list-staff.ts';
import { revokeStaffRole } from '../../use-cases/staff/revoke-staff-role.ts';
import { requireSignIn } from '../middleware/require-sign-in.ts';
import { render } from '../render.tsx';
import { emptyForm, type FormState } from '../views/form-fields.tsx';
import { ReviewQueuePage, StaffPage } from '../views/review-views.tsx';
import { formValues } from '../form-values.ts';
import type { WebEnv } from '../web-env.ts';

const notices: Record<string, string> = {
  confirmed: 'The Legally Responsible Person was confirmed and told by e-mail.',
  granted: 'The role was granted.',
  revoked: 'The role was revoked.',
};

export function reviewRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  for (const path of ['/review', '/review/*', '/admin/*']) app.use(path, requireSignIn);

  app.get('/review', async (c) => {
    const queue = await listLrpConfirmations(services, { actor: c.get('actor') });
    return render(c, 'Review', <><ReviewQueuePage queue={queue} csrfToken={c.get('csrfToken')} notice={notices[c.req.query('notice') ?? '']} /><p><a href="/review/e-authorizations">Electronic signature agreements: record as received or revoke</a></p></>);
  });

  app.post('/review/lrp-confirmations/:membershipId', async (c) => {
    await confirmLrp(services, { actor: c.get('actor'), membershipId: c.req.param('membershipId') });
    return c.redirect('/review?notice=confirmed', 303);
  });

  const showStaff = async (c: Context<WebEnv>, form: FormState, messages: { notice?: string; problem?: string } = {}, status: 200 | 400 | 409 = 200) => {
    const list = await listStaff(services, { actor: c.get('actor') });
    return render(c, 'Authority staff', <StaffPage list={list} form={form} csrfToken={c.get('csrfToken')} {...messages} />, { status });
  };

  app.get('/admin/staff', (c) => showStaff(c, emptyForm, { notice: notices[c.req.query('notice') ?? ''] }));

  app.post('/admin/staff', async (c) => {
    const values = await formValues(c);
    try {
      await grantStaffRole(services, { actor: c.get('actor'), input: values });
      return c.redirect('/admin/staff?notice=granted', 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') return showStaff(c, { values, errors: error.fieldErrors }, {}, 400);
      throw error;
    }
  });

  app.post('/admin/staff/revoke', async (c) => {
    try {
      await revokeStaffRole(services, { actor: c.get('actor'), input: await formValues(c) });
      return c.redirect('/admin/staff?notice=revoked', 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return showStaff(c, emptyForm, { problem: error.message }, 409);
      throw error;
    }
  });

  return app;
}
