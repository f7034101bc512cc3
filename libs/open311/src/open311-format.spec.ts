import { parseFormat, toXml, xmlText } from './open311-format';

describe('GeoReport v2 formats', () => {
  it('chooses the format by extension, JSON without one, nothing else', () => {
    expect(parseFormat(undefined)).toBe('json');
    expect(parseFormat('json')).toBe('json');
    expect(parseFormat('xml')).toBe('xml');
    expect(parseFormat('yaml')).toBeNull();
  });

  it('escapes markup and drops characters XML 1.0 cannot hold', () => {
    expect(xmlText(`<a href="x">'&'</a>\u0000\u0007ok`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;ok',
    );
  });

  it('names list items as the spec does and writes nulls as empty elements', () => {
    expect(
      toXml('service_requests', [{ service_request_id: 'ZWVL-2026-000001', address: null, lat: 50.8 }]),
    ).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request><service_request_id>ZWVL-2026-000001</service_request_id><address/><lat>50.8</lat></request></service_requests>',
    );
    expect(toXml('errors', [{ code: 403, description: 'nee' }])).toContain(
      '<errors><error><code>403</code><description>nee</description></error></errors>',
    );
  });
});
