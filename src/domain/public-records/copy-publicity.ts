// Whether a copy of record may be downloaded by anyone. A copy of record is published
// exactly as signed (its hash binds every byte), so it can be public only if nothing in it
// is a contact person's e-mail or telephone number, or the signer's network address: the
// public portal never shows those (issue 6; ../shared/contracts/public-api.md). The
// signer's name stays: it is the signature on a public record, not a contact.
// Today's copies carry the signer's e-mail (sign-filing.ts), so they are listed with their
// hashes and verify link, and their PDF is not offered; a redacted public rendition would
// be a new document with its own hash, which this portal does not invent.

const contactKey = /(phone|e-?mail|fax|contact)/i;
const emailValue = /[^\s@]+@[^\s@]+\.[^\s@]+/;

export interface CopyPublicity {
  isPublic: boolean;
  /** Why not, in words for the page: each kind of detail that keeps it private. */
  withheldBecause: string[];
}

function findContactDetails(value: unknown, key: string, found: Set<string>): void {
  if (value === null || value === undefined || value === '') return;
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) findContactDetails(v, k, found);
    return;
  }
  const text = String(value);
  if (emailValue.test(text)) found.add('an e-mail address');
  else if (contactKey.test(key)) found.add(/phone|fax/i.test(key) ? 'a telephone number' : 'a contact person');
  else if (/^signerIp$/.test(key)) found.add('the signer\'s network address');
}

export function copyOfRecordPublicity(canonicalJson: string): CopyPublicity {
  let content: unknown;
  try {
    content = JSON.parse(canonicalJson);
  } catch {
    return { isPublic: false, withheldBecause: ['it cannot be read'] };
  }
  const found = new Set<string>();
  findContactDetails(content, '', found);
  return { isPublic: found.size === 0, withheldBecause: [...found] };
}
