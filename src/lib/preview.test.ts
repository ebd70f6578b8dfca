import { describe, expect, it } from 'vitest';
import { portBusyMessage, previewPlan } from './preview.ts';

describe('where a build is served', () => {
  it('serves a local build on the port its URLs name', () => {
    expect(previewPlan('http://localhost:4400')).toEqual({ port: 4400, site: 'http://localhost:4400/', note: null });
    expect(previewPlan().port).toBe(4321);
    expect(previewPlan('http://127.0.0.1:8080/').port).toBe(8080);
  });

  it('serves a build made for the web on the default port, and says where its URLs point', () => {
    const plan = previewPlan('https://archive.example/');
    expect(plan.port).toBe(4321);
    expect(plan.note).toContain('https://archive.example/');
  });

  it('says what to do when the port is taken', () => {
    expect(portBusyMessage(4321)).toContain('ARCHIVE_SITE_URL=http://localhost:4322 npm start');
  });
});
