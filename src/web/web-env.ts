// The values middleware puts on each request for the handlers after it.
import type { SignedInUser } from '../use-cases/sessions/resume-session.ts';
import type { Actor } from '../use-cases/services.ts';

export interface WebEnv {
  Variables: {
    user: SignedInUser | null;
    /** The session cookie's raw value (for sign-out), when signed in. */
    sessionToken: string | null;
    csrfToken: string;
    actor: Actor;
    isHttps: boolean;
  };
}
