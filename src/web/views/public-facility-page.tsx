// A facility's public page: where it is (coordinates always; a Leaflet map when script and
// network allow), its permit status and history, its public documents with their hashes,
// and its sampling results as a chart per parameter. Nothing about contact people.
import { listingFilingKindLabels, listingStatusLabels, type ListingStatusKey } from '../../domain/public-records/facility-search-query.ts';
import type { PublicFacilityView } from '../../use-cases/public-records/get-public-facility.ts';
import { SamplingChart } from './sampling-chart.tsx';

export interface MapSettings {
  tileUrl: string;
  attribution: string;
}

function Coordinates(props: { view: PublicFacilityView; map: MapSettings }) {
  const { view } = props;
  if (view.latitude === null || view.longitude === null) return <p>No coordinates are on record for this facility.</p>;
  return (
    <>
      <p>
        Latitude <span class="outfall-coordinate">{view.latitude.toFixed(6)}</span>, longitude <span class="outfall-coordinate">{view.longitude.toFixed(6)}</span>{' '}
        (WGS 84).
      </p>
      <div
        id="facility-map"
        class="outfall-map"
        role="region"
        aria-label={`Map of ${view.name}'s location`}
        data-latitude={String(view.latitude)}
        data-longitude={String(view.longitude)}
        data-name={view.name}
        data-tile-url={props.map.tileUrl}
        data-attribution={props.map.attribution}
        hidden
      ></div>
    </>
  );
}

export function PublicFacilityPage(props: { view: PublicFacilityView; map: MapSettings }) {
  const { view } = props;
  const status = listingStatusLabels[view.status as ListingStatusKey] ?? view.status;
  return (
    <div>
      <div class="usa-prose">
        <p class="usa-hint">
          Public record · {view.jurisdictionName} · <a href="/search">Search facilities</a>
        </p>
        <h1>{view.name}</h1>
        <dl class="outfall-answers">
          <dt>Operator</dt>
          <dd>{view.operator}</dd>
          <dt>Address</dt>
          <dd>{[view.address, view.city, [view.state, view.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</dd>
          <dt>County</dt>
          <dd>{view.county}</dd>
          <dt>Permit ID</dt>
          <dd>{view.permitId ?? 'None issued'}</dd>
          <dt>Status</dt>
          <dd>
            <strong>{status}</strong>
            {view.statusDate ? ` since ${view.statusDate}` : ''}
          </dd>
          <dt>Receiving water</dt>
          <dd>{view.receivingWater || 'Not stated'}</dd>
          <dt>Coverage filed</dt>
          <dd>{view.filingKinds.length ? view.filingKinds.map((k) => listingFilingKindLabels[k] ?? k).join('; ') : 'None'}</dd>
        </dl>
      </div>

      <h2>Location</h2>
      <Coordinates view={view} map={props.map} />

      <h2>Permit history</h2>
      {view.permits.length === 0 ? (
        <p>No permit or accepted filing is on record.</p>
      ) : (
        <div class="outfall-table-wrap">
          <table class="usa-table">
            <caption>Permits and accepted filings, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Permit ID</th>
                <th scope="col">What</th>
                <th scope="col">Status</th>
                <th scope="col">Dates</th>
              </tr>
            </thead>
            <tbody>
              {view.permits.map((p) => (
                <tr>
                  <td>{p.permitId || '—'}</td>
                  <td>{p.description}</td>
                  <td>{p.status}</td>
                  <td>{p.dates.map((d) => `${d.label} ${d.date}`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Public documents</h2>
      {view.documents.length === 0 ? (
        <p>No signed document of an accepted filing is on record.</p>
      ) : (
        <>
          <p>
            Each copy of record is identified by its SHA-256 hash. Anyone holding a copy can check it is authentic at <a href="/verify">Verify a copy of record</a>.
          </p>
          <ul class="usa-list usa-list--unstyled">
            {view.documents.map((d) => (
              <li class="outfall-document">
                <h3>{d.title}</h3>
                <dl class="outfall-answers">
                  <dt>Signed by</dt>
                  <dd>{d.signerName}</dd>
                  <dt>Signed at (UTC)</dt>
                  <dd>{d.signedAt.toISOString()}</dd>
                  <dt>SHA-256 of the copy of record</dt>
                  <dd>
                    <code class="outfall-hash">{d.sha256}</code>
                  </dd>
                  <dt>SHA-256 of its PDF</dt>
                  <dd>{d.pdfSha256 ? <code class="outfall-hash">{d.pdfSha256}</code> : 'Not yet available: the PDF is being made from the signed data.'}</dd>
                </dl>
                {d.isPublic ? (
                  <p>
                    <a href={`/facilities/${view.id}/documents/${d.submissionId}.pdf`} download>
                      Download the copy of record (PDF)
                    </a>{' '}
                    · <a href="/verify">Verify a copy</a>
                  </p>
                ) : (
                  <p>
                    The PDF is not published because it holds {d.withheldBecause.join(', ')}; ask {view.jurisdictionName} for a copy. <a href="/verify">Verify a copy</a>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Sampling results</h2>
      {view.sampling.length === 0 ? (
        <p>No sampling results are on record.</p>
      ) : (
        <>
          <p>
            <a href={`/facilities/${view.id}/sampling.csv`} download>
              Download the sampling results as CSV
            </a>{' '}
            (the columns of SMARTS's sampling export).
          </p>
          {view.sampling.map((series, i) => (
            <SamplingChart series={series} index={i} />
          ))}
        </>
      )}
      <p>
        <a href={`/jurisdictions/${view.jurisdictionId}/sampling.csv`} download>
          Every sampling result in {view.jurisdictionName} (CSV)
        </a>
      </p>
      <link rel="stylesheet" href="/assets/leaflet/leaflet.css" />
      <script src="/assets/leaflet/leaflet.js" defer></script>
      <script src="/assets/facility-map.js" defer></script>
    </div>
  );
}
