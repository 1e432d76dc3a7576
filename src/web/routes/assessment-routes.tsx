// "Do I need a permit?": POST /api/v1/assessments (the contract's JSON interface) and the
// public questionnaire at /assessment (no account). Both call the same pure assessment;
// no database is touched.
import { Hono, type Context } from 'hono';
import { assessApplicability, assessRawInput } from '../../domain/assessment/assess-applicability.ts';
import { parseAssessmentInput } from '../../domain/assessment/assessment-input.ts';
import { exposureKeys } from '../../domain/assessment/assessment-types.ts';
import { isCalendarDate } from '../../domain/assessment/calendar-date.ts';
import { AppError, type FieldError } from '../../domain/errors.ts';
import { rulePackFor } from '../../domain/rule-packs/rule-pack-registry.ts';
import { render } from '../render.tsx';
import { AssessmentResult } from '../views/assessment-result.tsx';
import { asksExposure, dateFields, exposureFieldName, many, one, questions, type Answers, type Question, type QuestionContext } from '../views/assessment-questions.tsx';
import { ErrorSummary, SubmitButton } from '../views/form-fields.tsx';
import type { WebEnv } from '../web-env.ts';

export interface AssessmentRouteOptions {
  /** Today's calendar date (YYYY-MM-DD); the questionnaire assesses as of it. */
  today?: () => string;
}

const utcToday = () => new Date().toISOString().slice(0, 10);

/** The questionnaire's answers as the contract's input; facts of branches not taken are left out. */
function answersToInput(answers: Answers, context: QuestionContext): unknown {
  const activity = one(answers, 'activity');
  const triggers = many(answers, 'triggers');
  const yes = (name: string) => one(answers, name) === 'yes';
  const date = (name: string) => one(answers, name) || null;
  const isConstruction = activity === 'construction';
  const exposureAnswered = asksExposure(context) && exposureKeys.every((key) => one(answers, exposureFieldName(key)) !== '');
  const site: Record<string, unknown> = {
    activity,
    disturbedAcres: isConstruction && one(answers, 'acres') !== '' ? Number(one(answers, 'acres')) : null,
    nonconstructionActivities: isConstruction ? [] : many(answers, 'activities'),
    industrialActivity: !isConstruction && triggers.includes('industrialActivity'),
    ms4: !isConstruction && triggers.includes('ms4'),
    permitIssuedBefore1987: !isConstruction && triggers.includes('permitIssuedBefore1987'),
    oilGas: activity === 'oil-gas' ? { reportableQuantitySince1987: yes('oilGasRq'), contributesToWqsViolation: yes('oilGasWqs') } : null,
    mining: activity === 'mining' ? { contactWithMaterials: yes('miningContact') } : null,
    directorDetermination: isConstruction
      ? null
      : { tmdl: triggers.includes('tmdl'), waterQuality: triggers.includes('waterQuality'), denyNoExposure: triggers.includes('denyNoExposure') },
    exposure: exposureAnswered ? Object.fromEntries(exposureKeys.map((key) => [key, yes(exposureFieldName(key))])) : null,
    lastCertified: exposureAnswered ? date('lastCertified') : null,
  };
  for (const field of dateFields) site[field.name] = isConstruction ? date(field.name) : null;
  return { jurisdiction: one(answers, 'jurisdiction'), asOf: one(answers, 'asOf'), site };
}

function readAnswers(c: Context<WebEnv>): Answers {
  const answers: Answers = {};
  for (const [name, values] of Object.entries(c.req.queries())) answers[name] = values.length === 1 ? values[0] : values;
  return answers;
}

function QuestionPage(props: { question: Question; context: QuestionContext; errors: FieldError[]; done: string[]; number: number }) {
  const { question, context } = props;
  const own = new Set([...question.fields(context), 'done', 'q']);
  const carried = Object.entries(context.answers).flatMap(([name, value]) =>
    own.has(name) ? [] : (Array.isArray(value) ? value : [value ?? '']).map((v) => ({ name, value: v })),
  );
  const form = { values: context.answers, errors: props.errors };
  const Body = question.Body;
  return (
    <div class="usa-prose">
      <p class="usa-hint">Do I need a permit? Question {props.number}</p>
      <h1>{question.title}</h1>
      <ErrorSummary form={form} />
      <form method="get" action="/assessment" class="usa-form usa-form--large" novalidate>
        {carried.map((field) => (
          <input type="hidden" name={field.name} value={field.value} />
        ))}
        <input type="hidden" name="done" value={[...props.done.filter((id) => id !== question.id), question.id].join(',')} />
        <input type="hidden" name="q" value={question.id} />
        <Body {...context} form={form} />
        <SubmitButton label="Continue" />
      </form>
      <p>
        <a href="/assessment">Start again</a>
      </p>
    </div>
  );
}

export function assessmentRoutes(options: AssessmentRouteOptions = {}): Hono<WebEnv> {
  const today = options.today ?? utcToday;
  const app = new Hono<WebEnv>();

  app.post('/api/v1/assessments', async (c) => {
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      return c.json({ errors: [{ path: '(input)', message: 'is not valid JSON' }] }, 400);
    }
    try {
      return c.json(assessRawInput(raw));
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') return c.json({ errors: error.fieldErrors }, 400);
      throw error;
    }
  });

  app.get('/assessment', (c) => {
    const answers = readAnswers(c);
    if (!isCalendarDate(one(answers, 'asOf'))) answers.asOf = today();
    const context: QuestionContext = { answers, pack: rulePackFor(one(answers, 'jurisdiction')) };
    const done = one(answers, 'done').split(',').filter(Boolean);
    // A question is settled when it was answered and its answer holds; the first one that
    // applies and is not settled is asked next.
    const applicable = questions.filter((question) => question.applies(context));
    const nextIndex = applicable.findIndex((question) => !done.includes(question.id) || question.validate(context).length > 0);
    const next = applicable[nextIndex];
    if (next) {
      const errors = one(answers, 'q') === next.id ? next.validate(context) : [];
      return render(
        c,
        `${errors.length ? 'Error: ' : ''}${next.title} - Do I need a permit?`,
        <QuestionPage question={next} context={context} errors={errors} done={done} number={nextIndex + 1} />,
        { status: errors.length ? 400 : 200, jurisdictionName: context.pack?.name },
      );
    }
    let assessment;
    try {
      assessment = assessApplicability(parseAssessmentInput(answersToInput(answers, context)));
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'validation')) throw error;
      const form = { values: {}, errors: error.fieldErrors };
      return render(
        c,
        'Error: Do I need a permit?',
        <div class="usa-prose">
          <h1>Do I need a permit?</h1>
          <ErrorSummary form={form} />
          <p>
            Some answers could not be used. <a href="/assessment">Start again</a>
          </p>
        </div>,
        { status: 400 },
      );
    }
    return render(c, 'Do I need a permit? Your answer', <AssessmentResult assessment={assessment} pack={context.pack!} />, { jurisdictionName: context.pack?.name });
  });
  return app;
}
