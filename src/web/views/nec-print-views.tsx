// An NEC's "Print" tab (the SMARTS guide, step 6 and note 4): the current NEC, with its
// recertification date at the bottom, and the "Original NEC", with its original
// submittal date; each as a PDF and as a page the print stylesheet lays out for paper.
import type { NecPrint } from '../../domain/recertification/recertification-description.ts';
import { DescriptionSections } from './filing-description-view.tsx';

export function NecTabs(props: { filingId: string; current: 'details' | 'print' }) {
  const tabs = [
    { id: 'details', label: 'NEC', href: `/filings/${props.filingId}` },
    { id: 'print', label: 'Print', href: `/filings/${props.filingId}/print` },
  ] as const;
  return (
    <nav aria-label="This NEC" class="outfall-tabs">
      <ul class="usa-button-group usa-button-group--segmented">
        {tabs.map((tab) => (
          <li class="usa-button-group__item">
            <a class={`usa-button${tab.id === props.current ? '' : ' usa-button--outline'}`} href={tab.href} aria-current={tab.id === props.current ? 'page' : undefined}>
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function NecPrintMenuPage(props: { filingId: string; facilityName: string; permitId: string | null; lastRecertifiedAt: Date | null }) {
  const versions = [
    {
      id: 'current',
      label: 'Current NEC',
      about: props.lastRecertifiedAt ? 'The NEC as last recertified, with the recertification date at the bottom.' : 'The NEC as certified (not yet recertified).',
    },
    { id: 'original', label: 'Original NEC', about: 'The NEC as first submitted and accepted, with the original submittal date at the bottom.' },
  ];
  return (
    <>
      <h1>
        Print: NEC {props.permitId ?? ''}, {props.facilityName}
      </h1>
      <NecTabs filingId={props.filingId} current="print" />
      <ul class="usa-card-group">
        {versions.map((v) => (
          <li class="usa-card tablet:grid-col-6">
            <div class="usa-card__container">
              <div class="usa-card__header">
                <h2 class="usa-card__heading">{v.label}</h2>
              </div>
              <div class="usa-card__body">
                <p>{v.about}</p>
              </div>
              <div class="usa-card__footer">
                <ul class="usa-list usa-list--unstyled">
                  <li>
                    <a href={`/filings/${props.filingId}/print/${v.id}.pdf`}>
                      Download the {v.label} (PDF)
                    </a>
                  </li>
                  <li>
                    <a href={`/filings/${props.filingId}/print/${v.id}`}>
                      Print the {v.label} from your browser
                    </a>
                  </li>
                </ul>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

export function NecPrintPage(props: { filingId: string; print: NecPrint }) {
  const { print } = props;
  return (
    <article class="outfall-print">
      <p class="outfall-no-print">
        <a href={`/filings/${props.filingId}/print`}>Back to the Print tab</a> · Use your browser's Print command (Ctrl+P or ⌘P) to print this page, or{' '}
        <a href={`/filings/${props.filingId}/print/${print.version}.pdf`}>download it as a PDF</a>.
      </p>
      <h1>{print.title}</h1>
      <p>
        {print.organizationName}, {print.facilityName} — WDID {print.permitId ?? 'not assigned'}
      </p>
      <DescriptionSections sections={print.description.sections} headingLevel="h2" />
      <h2>Certification</h2>
      <blockquote class="outfall-certification">{print.description.certificationStatement}</blockquote>
      <p class="outfall-print-date">
        <strong>{print.dateLine.label}:</strong> {print.dateLine.value}
      </p>
    </article>
  );
}
