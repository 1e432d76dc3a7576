// Where to go after signing in (?next=…): only a path on this site. "//evil.example" and
// "/\evil.example" are read by browsers as another host, so they are refused (an open
// redirect would let a phishing link borrow our address).
export function localRedirectPath(next: string | undefined | null, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // Control characters (tab, newline) are stripped by browsers and could rebuild "//".
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  return next;
}
