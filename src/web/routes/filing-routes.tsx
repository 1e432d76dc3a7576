// Filings: the list, starting one for a facility, each step of a draft (saved even when
// wrong, messages beside fields), and the review of the answers before signing.
import { Hono, type Context } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { missingAttachments } from '../../domain/filings/attachment-rules.ts';
import { assessFiling, wrongKindRefusal } from '../../domain/filings/filing-applicability.ts';
import { describeFiling } from '../../domain/filings/filing-description.ts';
import type { FilingAnswers } from '../../domain/filings/filing-fields.ts';
import { filingKindLabels, filingStatusLabels, isEditable } from '../../domain/filings/filing-kinds.ts';
import { checkFiling, findStep, stepsFor } from '../../domain/filings/filing-schemas.ts';
import { exposedItems } from '../../domain/filings/nec-steps.ts';
import { getFacility } from '../../use-cases/facilities/get-facility.ts';
import { addFilingAttachment } from '../../use-cases/filings/add-filing-attachment.ts';
import { readFilingAttachment } from '../../use-cases/filings/read-filing-attachment.ts';
import { removeFilingAttachment } from '../../use-cases/filings/remove-filing-attachment.ts';
import { answersOf, loadFilingForActor, todayOf, type FilingRecord } from '../../use-cases/filings/filing-records.ts';
import { listFilings } from '../../use-cases/filings/list-filings.ts';
import { saveFilingStep, type StepAction } from '../../use-cases/filings/save-filing-step.ts';
import { isFilingKind, startFiling } from '../../use-cases/filings/start-filing.ts';
import type { Services } from '../../use-cases/services.ts';
import { FileContentStore } from '../../storage/file-content-store.ts';
import { requireSignIn } from '../middleware/require-sign-in.ts';
import { render } from '../render.tsx';
import { FilingStepPage } from '../views/filing-step-view.tsx';
import { FilingListPage, FilingReviewPage, StartFilingPage } from '../views/filing-views.tsx';
import type { FormState } from '../views/form-fields.tsx';
import { NecTabs } from '../views/nec-print-views.tsx';
import type { WebEnv } from '../web-env.ts';
import { formValues, postedForm } from '../form-values.ts';
import { attachmentSection } from './filing-attachment-routes.tsx';

function asFormValues(answers: FilingAnswers): Record<string, string> {
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

export function filingRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.use('/filings', requireSignIn);
  app.use('/filings/*', requireSignIn);
  app.use('/facilities/:id/filings', requireSignIn);
  app.use('/facilities/:id/filings/*', requireSignIn);

  app.get('/filings', async (c) => {
    const list = await listFilings(services, { actor: c.get('actor') });
    return render(c, 'Filings', <FilingListPage filings={list.filings} facilities={list.facilities} />);
  });

  const showStart = async (c: Context<WebEnv>, kind: string | undefined, refusal?: AppError) => {
    const { facility } = await getFacility(services, { actor: c.get('actor'), facilityId: c.req.param('id')! });
    const selectedKind = isFilingKind(kind) ? kind : undefined;
    const assessment = assessFiling(facility, selectedKind ?? 'nec', {}, todayOf(services.clock));
    // Say at once why a kind chosen by a link cannot be filed, before anyone types.
    const known = selectedKind ? wrongKindRefusal(facility, selectedKind) : null;
    const shown = refusal?.fieldErrors[0] ?? (known ? { path: 'kind', message: known.message } : undefined);
    return render(
      c,
      'Start a filing',
      <StartFilingPage
        facilityId={facility.id}
        facilityName={facility.name}
        csrfToken={c.get('csrfToken')}
        assessment={assessment}
        selectedKind={selectedKind}
        refusal={shown}
      />,
      { status: refusal ? 400 : 200 },
    );
  };

  app.get('/facilities/:id/filings/new', (c) => showStart(c, c.req.query('kind')));

  app.post('/facilities/:id/filings', async (c) => {
    const body = await postedForm(c);
    try {
      const { filingId } = await startFiling(services, { actor: c.get('actor'), facilityId: c.req.param('id'), kind: body.kind });
      return c.redirect(`/filings/${filingId}/steps/first`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') return showStart(c, typeof body.kind === 'string' ? body.kind : undefined, error);
      throw error;
    }
  });

  const context = (record: FilingRecord) => ({ jurisdictionId: record.filing.jurisdiction_id, today: todayOf(services.clock) });

  app.get('/filings/:id', async (c) => {
    const record = await loadFilingForActor(services, { actor: c.get('actor'), filingId: c.req.param('id'), action: 'filing.view' });
    const { filing } = record;
    const answers = answersOf(filing);
    const missing = [...checkFiling(filing.kind, answers, context(record)), ...missingAttachments(filing.kind, record.attachments)];
    return render(
      c,
      filingKindLabels[filing.kind],
      <FilingReviewPage
        filingId={filing.id}
        description={describeFiling(filing.kind, answers, { jurisdictionId: filing.jurisdiction_id })}
        facilityName={record.facility.name}
        statusLabel={filingStatusLabels[filing.status]}
        isEditable={isEditable(filing.status) && record.actorRole !== 'reviewer' && record.actorRole !== 'administrator'}
        isComplete={missing.length === 0}
        missingCount={missing.length}
        attachments={record.attachments.map((a) => ({ fileName: a.file_name, sha256: a.sha256 }))}
        needsSiteMap={filing.kind === 'noi-nonconstruction'}
        assessment={assessFiling(record.facility, filing.kind, answers, todayOf(services.clock))}
        tabs={filing.kind === 'nec' && filing.status === 'accepted' ? <NecTabs filingId={filing.id} current="details" /> : undefined}
      />,
    );
  });

  const showStep = async (
    c: Context<WebEnv>,
    record: FilingRecord,
    stepId: string,
    form: FormState,
    options: { status?: 200 | 400 | 409; conflict?: string; revision?: number; uploadForm?: FormState } = {},
  ) => {
    const { filing } = record;
    const answers = { ...answersOf(filing), ...form.values };
    const steps = stepsFor(filing.kind, answers, context(record));
    const step = findStep(filing.kind, stepId, answers, context(record));
    if (!step) throw new AppError('not-found', 'That step of the filing was not found.');
    const exposed = filing.kind === 'nec' && step.id === 'exposure' ? exposedItems(answers) : [];
    return render(
      c,
      `${step.title} — ${filingKindLabels[filing.kind]}`,
      <FilingStepPage
        filingId={filing.id}
        title={filingKindLabels[filing.kind]}
        facilityName={record.facility.name}
        facilityId={record.facility.id}
        step={step}
        steps={steps}
        form={form}
        revision={options.revision ?? filing.revision}
        csrfToken={c.get('csrfToken')}
        assessment={assessFiling(record.facility, filing.kind, answers, todayOf(services.clock))}
        conflict={options.conflict}
        exposed={exposed}
        extra={step.id === 'site-map' ? attachmentSection(record, c.get('csrfToken'), options.uploadForm) : null}
      />,
      { status: options.status ?? 200 },
    );
  };

  app.get('/filings/:id/steps/:step', async (c) => {
    const record = await loadFilingForActor(services, { actor: c.get('actor'), filingId: c.req.param('id'), action: 'filing.draft' });
    if (!isEditable(record.filing.status)) return c.redirect(`/filings/${record.filing.id}`, 303);
    const answers = answersOf(record.filing);
    let stepId = c.req.param('step');
    if (stepId === 'first') stepId = stepsFor(record.filing.kind, answers, context(record))[0]!.id;
    return showStep(c, record, stepId, { values: asFormValues(answers), errors: [] });
  });

  app.post('/filings/:id/steps/:step', async (c) => {
    const actor = c.get('actor');
    const filingId = c.req.param('id');
    const stepId = c.req.param('step');
    const input = await formValues(c);
    const action: StepAction = input.action === 'add-outfall' || input.action === 'remove-outfall' ? input.action : 'save';
    try {
      const saved = await saveFilingStep(services, { actor, filingId, stepId, revision: Number(input.revision), input, action });
      if (action !== 'save') return c.redirect(`/filings/${filingId}/steps/${stepId}`, 303);
      const record = await loadFilingForActor(services, { actor, filingId, action: 'filing.draft' });
      if (saved.errors.length > 0) return showStep(c, record, stepId, { values: asFormValues(answersOf(record.filing)), errors: saved.errors }, { status: 400 });
      return c.redirect(saved.nextStepId ? `/filings/${filingId}/steps/${saved.nextStepId}` : `/filings/${filingId}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict' && /Someone else saved/.test(error.message)) {
        const record = await loadFilingForActor(services, { actor, filingId, action: 'filing.draft' });
        return showStep(c, record, stepId, { values: input, errors: [] }, { status: 409, conflict: error.message });
      }
      throw error;
    }
  });

  const contentStore = new FileContentStore(services.config.dataDir);

  app.post('/filings/:id/attachments', async (c) => {
    const actor = c.get('actor');
    const filingId = c.req.param('id');
    const body = await postedForm(c);
    const file = body.file;
    const bytes = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    try {
      await addFilingAttachment(services, { actor, filingId, purpose: 'site-map', fileName: file instanceof File ? file.name : '', bytes, contentStore });
      return c.redirect(`/filings/${filingId}/steps/site-map`, 303);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'validation')) throw error;
      const record = await loadFilingForActor(services, { actor, filingId, action: 'filing.draft' });
      const uploadForm = { values: {}, errors: error.fieldErrors };
      return showStep(c, record, 'site-map', uploadForm, { status: 400, uploadForm });
    }
  });

  app.post('/filings/:id/attachments/:attachmentId/remove', async (c) => {
    await removeFilingAttachment(services, { actor: c.get('actor'), filingId: c.req.param('id'), attachmentId: c.req.param('attachmentId') });
    return c.redirect(`/filings/${c.req.param('id')}/steps/site-map`, 303);
  });

  app.get('/filings/:id/attachments/:attachmentId', async (c) => {
    const file = await readFilingAttachment(services, { actor: c.get('actor'), filingId: c.req.param('id'), attachmentId: c.req.param('attachmentId'), contentStore });
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"`,
      'x-content-type-options': 'nosniff',
    });
  });

  return app;
}
