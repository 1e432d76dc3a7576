// One LRP's visit on October 1, over plain HTTP as a browser without JavaScript makes it:
// sign in, open Recertification › Industrial, open their NEC by its WDID, answer No to the
// eleven questions, tick the statement, give password and security answer, Recertify, and
// land on the confirmation. Each step is timed; anything but the expected status, or a page
// without what the next step needs, is an error of that step and ends the visit.
// Requests go over kept-alive connections, as a browser keeps its own, through the lean
// HTTP/1.1 client of http-connection.ts: the clients share the server's two cores.
import { securityQuestions } from '../src/domain/accounts/security-questions.ts';
import { exposureKeys } from '../src/domain/assessment/assessment-types.ts';
import { exposureField } from '../src/domain/recertification/nec-recertification.ts';
import { send, type HttpAnswer } from './http-connection.ts';
import { BENCH_PASSWORD, BENCH_SECURITY_ANSWER, benchQuestionKeys, type SpikeTask } from './recertification-seed.ts';

export const steps = ['sign-in page', 'sign-in', 'list', 'open', 'submit', 'confirmation'] as const;
export type Step = (typeof steps)[number];

export interface SpikeRecorder {
  time(step: Step, ms: number): void;
  error(step: Step, message: string): void;
}

const questionTexts = benchQuestionKeys.map((key) => securityQuestions[key]);

class StepFailure extends Error {
  constructor(
    readonly step: Step,
    message: string,
  ) {
    super(message);
  }
}

/** A browser's cookie jar, reduced to what Outfall sets (name=value, deleted when emptied). */
class CookieJar {
  private cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  remember(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (value === '' || attributes.some((a) => /max-age=0/i.test(a.trim()))) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

function hiddenValue(html: string, name: string): string | undefined {
  return new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? new RegExp(`value="([^"]*)"[^>]*name="${name}"`).exec(html)?.[1];
}

export async function recertifyOverHttp(baseUrl: string, task: SpikeTask, recorder: SpikeRecorder): Promise<boolean> {
  const jar = new CookieJar();
  const request = async (step: Step, path: string, expected: number, form?: Record<string, string>): Promise<{ response: HttpAnswer; body: string }> => {
    const started = performance.now();
    let response: HttpAnswer;
    try {
      const headers: Record<string, string> = { cookie: jar.header(), 'user-agent': 'outfall-bench' };
      let payload: string | undefined;
      if (form) {
        payload = new URLSearchParams({ ...form, _csrf: jar.get('outfall_csrf') ?? '' }).toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
        headers['content-length'] = String(Buffer.byteLength(payload));
      }
      response = await send(new URL(baseUrl + path), form ? 'POST' : 'GET', headers, payload);
    } catch (error) {
      throw new StepFailure(step, `${path}: ${(error as Error).message}`);
    }
    recorder.time(step, performance.now() - started);
    jar.remember(response.setCookie);
    if (response.status !== expected) throw new StepFailure(step, `${form ? 'POST' : 'GET'} ${path}: ${response.status}, expected ${expected}`);
    return { response, body: response.body };
  };

  try {
    await request('sign-in page', '/sign-in', 200);
    const signedIn = await request('sign-in', '/sign-in', 303, { email: task.email, password: BENCH_PASSWORD, next: '/recertification/industrial' });
    if (!jar.get('outfall_session')) throw new StepFailure('sign-in', `no session cookie (redirected to ${signedIn.response.location})`);

    const necPath = `/recertification/industrial/${task.filingId}`;
    const list = await request('list', '/recertification/industrial', 200);
    if (!list.body.includes(`href="${necPath}"`) || !list.body.includes(task.permitId)) throw new StepFailure('list', `${task.permitId} is not listed as pending`);

    const form = await request('open', necPath, 200);
    const idempotencyKey = hiddenValue(form.body, 'idempotencyKey');
    const securitySlot = hiddenValue(form.body, 'securitySlot');
    if (!idempotencyKey || !securitySlot) throw new StepFailure('open', 'the form has no idempotency key or security question (cannot be submitted)');
    if (!questionTexts.some((text) => form.body.includes(text))) throw new StepFailure('open', "the security question shown is not one of the LRP's");

    const answers = Object.fromEntries(exposureKeys.map((key) => [exposureField(key), 'no']));
    const submitted = await request('submit', necPath, 303, { ...answers, idempotencyKey, securitySlot, certify: 'yes', password: BENCH_PASSWORD, securityAnswer: BENCH_SECURITY_ANSWER });
    const location = submitted.response.location ?? '';
    if (!location.startsWith(`${necPath}/confirmation/`)) throw new StepFailure('submit', `redirected to ${location || 'nowhere'}, not to a confirmation`);

    const confirmation = await request('confirmation', location, 200);
    if (!confirmation.body.includes(task.permitId)) throw new StepFailure('confirmation', `the confirmation does not name ${task.permitId}`);
    return true;
  } catch (error) {
    if (error instanceof StepFailure) {
      recorder.error(error.step, error.message);
      return false;
    }
    throw error;
  }
}
