// The USWDS page frame: banner, skip link, header with the jurisdiction's name, navigation
// by role, main content, footer. Works without JavaScript; USWDS's script only enhances
// (the mobile menu button).
import type { Child } from 'hono/jsx';
import type { SignedInUser } from '../../use-cases/sessions/resume-session.ts';
import { CSRF_FIELD } from '../middleware/csrf.ts';

export interface PageContext {
  user: SignedInUser | null;
  csrfToken: string;
  /** The jurisdiction whose name the header shows. */
  jurisdictionName: string;
  isDemo: boolean;
  /** Current path, to mark the navigation item. */
  path: string;
}

interface NavItem {
  href: string;
  label: string;
}

export function navigationFor(page: PageContext): NavItem[] {
  const items: NavItem[] = [{ href: '/', label: 'Home' }, { href: '/search', label: 'Search facilities' }];
  const user = page.user;
  if (user) {
    items.push({ href: '/organizations', label: 'Organizations' });
    items.push({ href: '/facilities', label: 'Facilities' });
    items.push({ href: '/filings', label: 'Filings' });
    if (user.memberships.length > 0) items.push({ href: '/recertification', label: 'Recertification' });
    items.push({ href: '/history', label: 'History' });
    if (user.staffRoles.some((r) => r.role === 'reviewer' || r.role === 'administrator')) {
      items.push({ href: '/review', label: 'Review' });
    }
    if (user.staffRoles.some((r) => r.role === 'administrator')) items.push({ href: '/admin/staff', label: 'Staff' });
    items.push({ href: '/profile', label: 'Profile' });
  } else {
    items.push({ href: '/sign-in', label: 'Sign in' });
    items.push({ href: '/register', label: 'Register' });
  }
  if (page.isDemo) items.push({ href: '/dev/mail', label: 'Demo mail' });
  return items;
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

export function Layout(props: { page: PageContext; title: string; children: Child }) {
  const { page } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} | Outfall`}</title>
        <link rel="stylesheet" href="/assets/uswds/css/uswds.min.css" />
        <link rel="stylesheet" href="/assets/outfall.css" />
        <script src="/assets/uswds/js/uswds-init.min.js"></script>
      </head>
      <body>
        <a class="usa-skipnav" href="#main-content">
          Skip to main content
        </a>
        <header class="usa-header usa-header--basic">
          <div class="usa-nav-container">
            <div class="usa-navbar">
              <div class="usa-logo">
                <em class="usa-logo__text">
                  <a href="/" title="Outfall home">
                    Outfall
                  </a>
                </em>
                <p class="outfall-jurisdiction">{page.jurisdictionName}</p>
              </div>
              <button type="button" class="usa-menu-btn">
                Menu
              </button>
            </div>
            <nav aria-label="Primary navigation" class="usa-nav">
              <button type="button" class="usa-nav__close">
                <img src="/assets/uswds/img/usa-icons/close.svg" role="img" alt="Close" />
              </button>
              <ul class="usa-nav__primary usa-accordion">
                {navigationFor(page).map((item) => (
                  <li class="usa-nav__primary-item">
                    <a
                      class={`usa-nav-link${page.path === item.href ? ' usa-current' : ''}`}
                      href={item.href}
                      aria-current={page.path === item.href ? 'page' : undefined}
                    >
                      <span>{item.label}</span>
                    </a>
                  </li>
                ))}
                {page.user ? (
                  <li class="usa-nav__primary-item">
                    <form method="post" action="/sign-out" class="outfall-inline-form">
                      <CsrfField token={page.csrfToken} />
                      <button type="submit" class="usa-button usa-button--unstyled outfall-nav-button">
                        Sign out
                      </button>
                    </form>
                  </li>
                ) : null}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main-content" class="grid-container outfall-main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="usa-footer usa-footer--slim">
          <div class="usa-footer__secondary-section">
            <div class="grid-container">
              <p>
                Outfall — open stormwater permit e-reporting. {page.user ? `Signed in as ${page.user.email}.` : 'You are not signed in.'}
              </p>
            </div>
          </div>
        </footer>
        <script src="/assets/uswds/js/uswds.min.js"></script>
      </body>
    </html>
  );
}
