// A filing described in words (describeFiling's sections) as label/value pairs: the signing
// page and an NEC's prints show it the same way.
import type { FilingDescription } from '../../domain/filings/filing-description.ts';

export function DescriptionSections(props: { sections: FilingDescription['sections']; headingLevel: 'h2' | 'h3' }) {
  const Heading = props.headingLevel;
  return (
    <>
      {props.sections.map((section) => (
        <section>
          <Heading>{section.heading}</Heading>
          <dl class="outfall-answers">
            {section.items.map((item) => (
              <>
                <dt>{item.label}</dt>
                <dd>{item.value}</dd>
              </>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
