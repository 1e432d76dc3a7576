// A member saves one step of a draft. The answers are saved even when they break a rule —
// nothing typed is ever lost — and the messages come back to show beside the fields. The
// revision the form was read at guards against overwriting another member's save.
import { AppError, notFound, type FieldError } from '../../domain/errors.ts';
import { checkStep, type FilingAnswers } from '../../domain/filings/filing-fields.ts';
import { findStep, stepsFor } from '../../domain/filings/filing-schemas.ts';
import { MAX_OUTFALLS, outfallCount } from '../../domain/filings/nonconstruction-noi-steps.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireOrganizationPermission } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { answersOf, findFiling, requireEditable, todayOf } from './filing-records.ts';

export interface SavedStep {
  errors: FieldError[];
  /** The step to show next when this one is complete; null when it was the last. */
  nextStepId: string | null;
  revision: number;
  isChanged: boolean;
}

export type StepAction = 'save' | 'add-outfall' | 'remove-outfall';

export async function saveFilingStep(
  services: Services,
  options: { actor: Actor; filingId: string; stepId: string; revision: number; input: Record<string, unknown>; action?: StepAction },
): Promise<SavedStep> {
  const roles = await loadActorRoles(services.db, options.actor);
  const current = await findFiling(services.db, options.filingId);
  const member = requireOrganizationPermission(roles, current.organization_id, 'filing.draft');
  requireEditable(current.status);
  const context = { jurisdictionId: current.jurisdiction_id, today: todayOf(services.clock) };

  return services.db.transaction().execute(async (tx) => {
    const filing = await findFiling(tx, options.filingId, { lock: true });
    requireEditable(filing.status);
    if (filing.revision !== options.revision) {
      throw new AppError(
        'conflict',
        'Someone else saved this filing after you opened this page. Your answers are shown below but were not saved: check them against the saved filing and save again.',
      );
    }
    const previous = answersOf(filing);
    const step = findStep(filing.kind, options.stepId, { ...previous, ...options.input }, context);
    if (!step) throw notFound('That step of the filing');

    const next: FilingAnswers = { ...previous };
    for (const field of step.fields) {
      const value = options.input[field.name];
      next[field.name] = typeof value === 'string' ? value : '';
    }
    if (step.id === 'outfalls') {
      const count = outfallCount(previous);
      if (options.action === 'add-outfall') next.outfallCount = String(Math.min(count + 1, MAX_OUTFALLS));
      if (options.action === 'remove-outfall' && count > 1) {
        next.outfallCount = String(count - 1);
        for (const name of Object.keys(next)) if (name.startsWith(`outfalls.${count - 1}.`)) delete next[name];
      }
    }

    const changed = { previous: {} as FilingAnswers, new: {} as FilingAnswers };
    for (const name of new Set([...Object.keys(previous), ...Object.keys(next)])) {
      if (JSON.stringify(previous[name] ?? null) !== JSON.stringify(next[name] ?? null)) {
        changed.previous[name] = previous[name] ?? null;
        changed.new[name] = next[name] ?? null;
      }
    }
    const isChanged = Object.keys(changed.new).length > 0;
    let revision = filing.revision;
    if (isChanged) {
      revision += 1;
      await tx
        .updateTable('filings')
        .set({ answers: JSON.stringify(next), revision, updated_at: services.clock.now(), updated_by: roles.userId })
        .where('id', '=', filing.id)
        .execute();
      await recordAuditEvent(tx, services.clock, {
        type: 'filing.draft-saved',
        data: { step: step.id, ...changed },
        actor: options.actor,
        actorRole: member.role,
        organizationId: filing.organization_id,
        jurisdictionId: filing.jurisdiction_id,
        subject: { type: 'filing', id: filing.id },
      });
    }
    const checkedStep = findStep(filing.kind, step.id, next, context) ?? step;
    const errors = options.action && options.action !== 'save' ? [] : checkStep(checkedStep, next, context);
    const steps = stepsFor(filing.kind, next, context);
    const index = steps.findIndex((s) => s.id === step.id);
    return { errors, nextStepId: steps[index + 1]?.id ?? null, revision, isChanged };
  });
}
